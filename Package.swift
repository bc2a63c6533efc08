// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Piani",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "piani", targets: ["piani"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // System C libraries, found through pkg-config.
        // poppler's core (C++), for the PopplerPaths device: the PDF stage reads pages through it alone.
        .systemLibrary(
            name: "CPopplerCore",
            path: "Sources/CPopplerCore",
            pkgConfig: "poppler",
            providers: [.apt(["libpoppler-dev", "libpoppler-private-dev"])]
        ),
        // poppler-glib: only the tests use it now, as the reference the one-pass reader is checked against.
        .systemLibrary(
            name: "CPoppler",
            path: "Sources/CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libglib2.0-dev", "libcairo2-dev"])]
        ),
        // OpenSSL's libcrypto, for its SHA-256 (with the CPU's SHA instructions where it has them).
        .systemLibrary(
            name: "CLibCrypto",
            path: "Sources/CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // C++ output devices on poppler's core: one parse of a page gives its text (glyphs, boxes, fonts) and
        // the vector paths (strokes and fills) poppler-glib does not expose, without rendering.
        .target(
            name: "PopplerPaths",
            dependencies: ["CPopplerCore"],
            path: "Sources/PopplerPaths",
            cxxSettings: [.unsafeFlags(["-std=c++17"])],
            linkerSettings: [.linkedLibrary("poppler")]
        ),
        // prctl(PR_SET_PDEATHSIG) for the ingest workers (a variadic C call Swift cannot make).
        .target(name: "CProcessControl", path: "Sources/CProcessControl"),
        .target(name: "Core", dependencies: ["CLibCrypto"], path: "Sources/Core"),
        .target(name: "PDF", dependencies: ["Core", "PopplerPaths"], path: "Sources/PDF"),
        // XHTML/HTML, DOCX, ODT and XBRL inputs read into the same blocks and tables as the PDF stage.
        .target(
            name: "XML",
            dependencies: ["Core", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/XML"
        ),
        .target(
            name: "Normalize",
            dependencies: ["Core", .product(name: "Yams", package: "Yams")],
            path: "Sources/Normalize",
            resources: [.copy("Resources/labels.yml"), .copy("Resources/vocabulary.yml"), .copy("Resources/xbrl-budget.yml")]
        ),
        .target(name: "Write", dependencies: ["Core", .product(name: "GRDB", package: "GRDB.swift")], path: "Sources/Write"),
        .target(
            name: "Pipeline",
            dependencies: [
                "Core", "PDF", "XML", "Normalize", "Write", "CProcessControl",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Pipeline"
        ),
        .executableTarget(
            name: "piani",
            dependencies: ["Core", "PDF", "XML", "Normalize", "Write", "Pipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/piani"
        ),
        .testTarget(name: "CoreTests", dependencies: ["Core"], path: "Tests/CoreTests"),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "Core"], path: "Tests/NormalizeTests"),
        // The golden records from every rendering of the seeds (Swift Testing: known gaps are known issues).
        .testTarget(name: "RenderingTests", dependencies: ["Normalize", "Core", "PDF", "XML", "Pipeline"], path: "Tests/RenderingTests"),
        .testTarget(name: "PDFTests", dependencies: ["PDF", "Core", "CPoppler", "PopplerPaths"], path: "Tests/PDFTests"),
        .testTarget(
            name: "XMLTests",
            dependencies: ["XML", "Core", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/XMLTests"
        ),
        .testTarget(name: "WriteTests", dependencies: ["Write", "Core", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/WriteTests"),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Core", "Write", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/PipelineTests"),
        .testTarget(name: "CLITests", dependencies: ["piani", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/CLITests"),
    ],
    swiftLanguageModes: [.v5],
    cxxLanguageStandard: .cxx17
)
