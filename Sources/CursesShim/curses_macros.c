// Curses macros and globals, wrapped as functions Swift can call.

#include "CursesShim.h"

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

_Static_assert(sizeof(attr_t) == sizeof(uint32_t), "attr_t must be 32 bits wide");

uint32_t blueprint_attr_normal(void) { return (uint32_t)A_NORMAL; }
uint32_t blueprint_attr_bold(void) { return (uint32_t)A_BOLD; }
uint32_t blueprint_attr_dim(void) { return (uint32_t)A_DIM; }
uint32_t blueprint_attr_reverse(void) { return (uint32_t)A_REVERSE; }
uint32_t blueprint_attr_underline(void) { return (uint32_t)A_UNDERLINE; }

void *blueprint_standard_window(void) { return stdscr; }

int blueprint_color_count(void) { return COLORS; }
int blueprint_color_pair_count(void) { return COLOR_PAIRS; }

static int is_present(const char *capability) {
    return capability != NULL && capability != (const char *)-1;
}

int blueprint_probe_terminal(const char *term, int tty_fd) {
    TERMINAL *previous = cur_term;
    int status = 0;
    if (setupterm(term, tty_fd, &status) != OK) {
        set_curterm(previous);
        return status == -1 ? BLUEPRINT_TERMINAL_NO_DATABASE : BLUEPRINT_TERMINAL_UNKNOWN;
    }

    // A generic or hard-copy entry (such as "dumb") has no cursor addressing.
    int can_address = is_present(tigetstr("cup")) && tigetflag("gn") <= 0
        && tigetflag("hc") <= 0;

    TERMINAL *probe = set_curterm(previous);
    del_curterm(probe);
    return can_address ? BLUEPRINT_TERMINAL_USABLE : BLUEPRINT_TERMINAL_CANNOT_ADDRESS_CURSOR;
}
