// Signal handlers for a full-screen program: polite requests become a flag the run loop
// polls; crashes restore the terminal before the runtime's crash report and then die.

#include "CursesShim.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int request_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT};

enum {
    REQUEST_SIGNAL_COUNT = sizeof request_signals / sizeof request_signals[0],
    CRASH_SIGNAL_COUNT = sizeof crash_signals / sizeof crash_signals[0],
    ALTERNATE_STACK_BYTES = 64 * 1024,
};

static struct sigaction previous_request_actions[REQUEST_SIGNAL_COUNT];
static struct sigaction previous_crash_actions[CRASH_SIGNAL_COUNT];
static struct sigaction previous_pipe_action;
static atomic_int pending_signal = 0;
static int handlers_installed = 0;
static char alternate_stack[ALTERNATE_STACK_BYTES];

/// Makes the process end with `signal_number` as its status, whatever handled it before.
static void die_with(int signal_number) {
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(signal_number, &default_action, NULL);

    // The signal is usually blocked inside its own handler: raise it, then let it through.
    sigset_t only_this;
    sigemptyset(&only_this);
    sigaddset(&only_this, signal_number);
    raise(signal_number);
    sigprocmask(SIG_UNBLOCK, &only_this, NULL);
    _exit(128 + signal_number);
}

static void on_request_signal(int signal_number) {
    int saved_errno = errno;
    int expected = 0;
    // A second request while the first is still untaken means the loop is stuck.
    if (!atomic_compare_exchange_strong(&pending_signal, &expected, signal_number)) {
        blueprint_restore_terminal();
        die_with(signal_number);
    }
    errno = saved_errno;
}

static const struct sigaction *previous_crash_action(int signal_number) {
    for (int index = 0; index < CRASH_SIGNAL_COUNT; index++) {
        if (crash_signals[index] == signal_number) {
            return &previous_crash_actions[index];
        }
    }
    return NULL;
}

static void on_crash_signal(int signal_number, siginfo_t *info, void *context) {
    blueprint_restore_terminal();

    // Hand over to the previous handler (Swift's crash reporter) on the clean screen.
    const struct sigaction *previous = previous_crash_action(signal_number);
    if (previous != NULL && (previous->sa_flags & SA_SIGINFO) != 0) {
        if (previous->sa_sigaction != NULL
            && (void *)previous->sa_sigaction != (void *)SIG_DFL
            && (void *)previous->sa_sigaction != (void *)SIG_IGN) {
            previous->sa_sigaction(signal_number, info, context);
        }
    } else if (previous != NULL && previous->sa_handler != SIG_DFL
               && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(signal_number);
    }

    // The reporter returns expecting the fault to recur; a signal sent by kill never does.
    die_with(signal_number);
}

/// Gives the thread a stack for the crash handler unless it has one (Swift's runtime
/// usually provides it), so a stack overflow can still be reported.
static void ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE) == 0) {
        return;
    }
    stack_t ours = {.ss_sp = alternate_stack, .ss_size = sizeof alternate_stack, .ss_flags = 0};
    sigaltstack(&ours, NULL);
}

static int install_request_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_request_signal;
    sigemptyset(&action.sa_mask);
    for (int index = 0; index < REQUEST_SIGNAL_COUNT; index++) {
        sigaddset(&action.sa_mask, request_signals[index]);
    }
    // No SA_RESTART: a blocking read returns early, so the loop sees the flag sooner.
    action.sa_flags = 0;
    for (int index = 0; index < REQUEST_SIGNAL_COUNT; index++) {
        int signal_number = request_signals[index];
        if (sigaction(signal_number, &action, &previous_request_actions[index]) != 0) {
            return -1;
        }
    }
    return 0;
}

static int install_crash_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_crash_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (int index = 0; index < CRASH_SIGNAL_COUNT; index++) {
        int signal_number = crash_signals[index];
        if (sigaction(signal_number, &action, &previous_crash_actions[index]) != 0) {
            return -1;
        }
    }
    return 0;
}

int blueprint_install_signal_handlers(void) {
    if (handlers_installed) {
        return 0;
    }
    ensure_alternate_stack();

    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    if (sigaction(SIGPIPE, &ignore, &previous_pipe_action) != 0) {
        return -1;
    }
    atomic_store(&pending_signal, 0);

    // Marked first, so a partial failure can still be undone by the remover.
    handlers_installed = 1;
    if (install_request_handlers() != 0 || install_crash_handlers() != 0) {
        return -1;
    }
    return 0;
}

void blueprint_remove_signal_handlers(void) {
    if (!handlers_installed) {
        return;
    }
    for (int index = 0; index < CRASH_SIGNAL_COUNT; index++) {
        sigaction(crash_signals[index], &previous_crash_actions[index], NULL);
    }
    for (int index = 0; index < REQUEST_SIGNAL_COUNT; index++) {
        sigaction(request_signals[index], &previous_request_actions[index], NULL);
    }
    sigaction(SIGPIPE, &previous_pipe_action, NULL);
    handlers_installed = 0;
}

int blueprint_take_pending_signal(void) {
    return atomic_exchange(&pending_signal, 0);
}
