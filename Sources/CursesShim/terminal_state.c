// The saved terminal modes and the bytes that undo what curses did to the screen.
// Everything the restore path touches is prepared ahead, so it stays async-signal-safe.

#include "CursesShim.h"

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <poll.h>
#include <stdatomic.h>
#include <stddef.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

enum { RESET_BYTES_MAX = 512 };

static struct termios saved_modes;
static int saved_fd = -1;
static char reset_bytes[RESET_BYTES_MAX];
static size_t reset_length = 0;
/// 1 while there is something to restore; taken by exactly one restorer.
static atomic_int restore_pending = 0;

static const char xterm_mouse_off[] = "\033[?1000l\033[?1002l\033[?1003l\033[?1006l";
static const char xterm_fallback[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?1049l\033[0m\033[?25h\033[?1l\033>";

/// Appends a terminfo string without its "$<...>" delay padding, within the bound.
static void append_capability(const char *text) {
    if (text == NULL || text == (const char *)-1) {
        return;
    }
    int in_padding = 0;
    for (const char *cursor = text; *cursor != '\0'; cursor++) {
        if (!in_padding && cursor[0] == '$' && cursor[1] == '<') {
            in_padding = 1;
        } else if (in_padding) {
            in_padding = *cursor != '>';
        } else if (reset_length < RESET_BYTES_MAX) {
            reset_bytes[reset_length++] = *cursor;
        }
    }
}

int blueprint_save_terminal(int tty_fd) {
    if (tcgetattr(tty_fd, &saved_modes) != 0) {
        return -1;
    }
    saved_fd = tty_fd;
    memcpy(reset_bytes, xterm_fallback, sizeof xterm_fallback - 1);
    reset_length = sizeof xterm_fallback - 1;
    atomic_store(&restore_pending, 1);
    return 0;
}

void blueprint_prepare_reset_sequence(void) {
    if (cur_term == NULL) {
        return;
    }
    reset_length = 0;

    // Mouse reporting first, so no report lands on the shell's prompt. Leaving the
    // alternate screen may restore the cursor modes saved on entering it (tmux does), so
    // the cursor is shown after that, not before.
    if (tigetstr("kmous") != NULL && tigetstr("kmous") != (char *)-1) {
        append_capability(xterm_mouse_off);
    }
    append_capability(tigetstr("rmcup"));
    append_capability(tigetstr("sgr0"));
    append_capability(tigetstr("cnorm"));
    append_capability(tigetstr("rmkx"));
}

void blueprint_restore_terminal(void) {
    if (atomic_exchange(&restore_pending, 0) == 0) {
        return;
    }
    int saved_errno = errno;

    // Modes first, so whatever prints next (a crash report) gets normal line endings.
    tcsetattr(saved_fd, TCSANOW, &saved_modes);

    size_t written = 0;
    while (written < reset_length) {
        ssize_t count = write(saved_fd, reset_bytes + written, reset_length - written);
        if (count > 0) {
            written += (size_t)count;
        } else if (count < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    errno = saved_errno;
}

int blueprint_terminal_lost(int tty_fd) {
    struct pollfd entry = {.fd = tty_fd, .events = POLLIN, .revents = 0};
    if (poll(&entry, 1, 0) > 0 && (entry.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
        return 1;
    }
    struct termios modes;
    if (tcgetattr(tty_fd, &modes) != 0 && errno != EINTR) {
        return 1;
    }
    return 0;
}
