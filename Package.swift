// swift-tools-version:6.0
import PackageDescription

/// The engine runs many millions of events a second; in release builds the runtime
/// exclusivity checks on its class properties cost about a third of that. Debug builds, which
/// the tests use, keep them.
let engineSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "blueprint",
    products: [
        .executable(name: "blueprint", targets: ["blueprint"])
    ],
    targets: [
        // The simulation kernel: time, events, seeded randomness. No I/O, no clock.
        .target(name: "SimKernel", swiftSettings: engineSettings),
        // The simulated components of the blueprint, driven by the kernel.
        .target(name: "Architecture", dependencies: ["SimKernel"], swiftSettings: engineSettings),
        // Command language, layouts, session logs, replay and headless runs.
        .target(name: "Session", dependencies: ["Architecture", "SimKernel"]),
        // Cell buffer and widgets; knows nothing of curses.
        .target(name: "TerminalUI"),
        // App state, key map, pure update step and the panel views.
        .target(name: "Dashboard", dependencies: ["TerminalUI", "Session", "Architecture"]),
        // ncursesw, with the wide-character API switched on.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The macros Swift cannot import and the signal and crash handlers.
        .target(name: "CursesShim", dependencies: ["CNcursesw"]),
        // The only Swift module that touches curses.
        .target(name: "CursesTerminal", dependencies: ["CNcursesw", "CursesShim", "TerminalUI"]),
        .executableTarget(
            name: "blueprint",
            dependencies: ["Dashboard", "Session", "Architecture", "SimKernel", "TerminalUI", "CursesTerminal"]
        ),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel"]),
        .testTarget(name: "ArchitectureTests", dependencies: ["Architecture", "SimKernel"]),
        .testTarget(name: "SessionTests", dependencies: ["Session", "Architecture", "SimKernel"]),
        .testTarget(name: "TheoryTests", dependencies: ["Session", "Architecture", "SimKernel"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Dashboard", "TerminalUI", "Session", "Architecture", "SimKernel"],
            exclude: ["Snapshots"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ]
)
