#ifndef BLUEPRINT_CURSES_SHIM_H
#define BLUEPRINT_CURSES_SHIM_H

// The parts of curses Swift cannot reach (macros, the stdscr global) and the signal
// handlers that must be plain C to be async-signal-safe.
//
// This header deliberately does not include curses.h: the CNcursesw module already
// includes it, and a second textual copy in this module would give Swift two distinct
// WINDOW types. Curses types therefore cross this boundary as plain integers or void *.

#include <stdint.h>

/// The curses attribute bits, as attr_t values (attr_t is a 32-bit unsigned on ncurses 6).
uint32_t blueprint_attr_normal(void);
uint32_t blueprint_attr_bold(void);
uint32_t blueprint_attr_dim(void);
uint32_t blueprint_attr_reverse(void);
uint32_t blueprint_attr_underline(void);

/// The current screen's standard window (stdscr) as a WINDOW *, or NULL before newterm.
void *blueprint_standard_window(void);

/// COLORS and COLOR_PAIRS of the current screen (0 before start_color).
int blueprint_color_count(void);
int blueprint_color_pair_count(void);

/// What a terminal type allows, as found by blueprint_probe_terminal.
enum {
    BLUEPRINT_TERMINAL_USABLE = 0,
    /// The terminfo database has no entry for the type.
    BLUEPRINT_TERMINAL_UNKNOWN = 1,
    /// No terminfo database was found at all.
    BLUEPRINT_TERMINAL_NO_DATABASE = 2,
    /// The entry exists but cannot move the cursor (dumb, generic or hard-copy).
    BLUEPRINT_TERMINAL_CANNOT_ADDRESS_CURSOR = 3,
};

/// Looks a terminal type up in terminfo without writing anything to the terminal.
int blueprint_probe_terminal(const char *term, int tty_fd);

/// Remembers the terminal's current modes so every exit path can put them back.
/// Call once before curses starts. Returns 0, or -1 with errno set.
int blueprint_save_terminal(int tty_fd);

/// Builds the bytes the crash path writes to leave the screen usable, from the current
/// terminal's terminfo entry (xterm sequences where it has none). Call after newterm.
void blueprint_prepare_reset_sequence(void);

/// Installs the handlers: SIGINT, SIGTERM and SIGHUP only set a flag (a second one before
/// the flag is taken restores the terminal and ends the process); SIGPIPE is ignored;
/// crash signals restore the terminal, chain to the previous handler, then die.
/// Returns 0, or -1 with errno set.
int blueprint_install_signal_handlers(void);

/// Puts back the handlers that were there before blueprint_install_signal_handlers.
void blueprint_remove_signal_handlers(void);

/// The SIGINT, SIGTERM or SIGHUP received since the last call, or 0; clears it.
int blueprint_take_pending_signal(void);

/// Puts the saved terminal modes back and writes the reset sequence, once.
/// Async-signal-safe; later calls do nothing. Call it after endwin on a normal exit.
void blueprint_restore_terminal(void);

/// Whether the terminal has gone away (hang-up, error, or its modes can no longer be read).
int blueprint_terminal_lost(int tty_fd);

#endif
