// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rutinbok",
    // rutinbok runs on Linux only (Debian or Ubuntu: it calls Glibc and renameat2 directly).
    // The macOS line only states the minimum its dependencies ask for there; rutinbok itself
    // is not built or tested on macOS.
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "rutinbok", targets: ["rutinbok"]),
        // `rutinbok serve`, which `rutinbok` runs from beside itself.
        .executable(name: "rutinbok-serve", targets: ["rutinbok-serve"]),
        .library(name: "RutinbokCore", targets: ["RutinbokCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", .upToNextMinor(from: "0.27.1")),
    ],
    targets: [
        // libcmark, the C reference implementation of CommonMark (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Atomic exchange of two folders, for publishing the output in one step.
        .target(name: "CAtomicSwap"),
        // glibc's malloc set up for a process that runs one command and exits.
        .target(name: "COneShotMalloc"),
        // The only module that touches cmark's C pointers.
        .target(name: "CommonMark", dependencies: ["CCmark"]),
        .target(
            name: "RutinbokCore",
            dependencies: [
                "CommonMark",
                "CAtomicSwap",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // What both programs share on the command line: diagnostics on the terminal, exit codes.
        .target(
            name: "CommandLineSupport",
            dependencies: ["RutinbokCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `rutinbok serve`: the live preview's HTTP server, file watcher and reload events.
        .target(
            name: "RutinbokServe",
            dependencies: ["RutinbokCore", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "rutinbok",
            dependencies: [
                "RutinbokCore",
                "CommandLineSupport",
                "COneShotMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The preview on its own: its HTTP server (FlyingFox) brings Foundation's networking,
        // and with it libcurl and some thirty libraries, which `rutinbok` need not load.
        .executableTarget(
            name: "rutinbok-serve",
            dependencies: [
                "RutinbokCore",
                "RutinbokServe",
                "CommandLineSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Where the tests make their temporary folders, removed when the test process ends.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"]),
        .testTarget(
            name: "RutinbokCoreTests",
            dependencies: ["RutinbokCore", "CommandLineSupport", "TestScratch"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RutinbokServeTests", dependencies: ["RutinbokServe", "RutinbokCore", "TestScratch"]),
    ]
)
