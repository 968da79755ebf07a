// swift-tools-version:6.1
import PackageDescription

/// Upcoming language features the whole package opts into, as hummingbird does:
/// explicit `any`, imports that only expose what a file names, and imports that stay
/// internal unless a file's `package` API needs them.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "scanplan",
  // Only the tool: nothing outside this package links its libraries, so none is a product
  // and their declarations are `package`, not `public`.
  products: [
    .executable(name: "scanplan", targets: ["scanplan"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
    .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(
      name: "ScanplanJSON",
      dependencies: [.product(name: "OrderedCollections", package: "swift-collections")],
      swiftSettings: swiftSettings,
      // Double's rounding calls into libm, which Linux does not link by itself.
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
    ),
    .target(
      name: "ScanplanSupport",
      swiftSettings: swiftSettings,
      linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
    ),
    .target(
      name: "ScanplanYAML",
      dependencies: ["CLibYAML", "ScanplanSupport"],
      swiftSettings: swiftSettings
    ),
    // What a vendor is made of: option tables, HTTP values, the API and emulation
    // protocols. Each vendor is a target of its own under Sources/Vendors, and the
    // registry lists them.
    .target(
      name: "ScanplanVendorKit",
      dependencies: ["ScanplanJSON", "ScanplanSupport"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanS4E",
      dependencies: ["ScanplanVendorKit", "ScanplanJSON", "ScanplanSupport"],
      path: "Sources/Vendors/S4E",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanInvicti",
      dependencies: ["ScanplanVendorKit", "ScanplanJSON", "ScanplanSupport"],
      path: "Sources/Vendors/Invicti",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanZAP",
      dependencies: ["ScanplanVendorKit", "ScanplanJSON", "ScanplanSupport"],
      path: "Sources/Vendors/ZAP",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanVendors",
      dependencies: ["ScanplanVendorKit", "ScanplanS4E", "ScanplanInvicti", "ScanplanZAP"],
      path: "Sources/Vendors/Registry",
      swiftSettings: swiftSettings
    ),
    // One run report, written by the run and read by `scanplan report`: its model, its
    // JSON, the gate's judgement and the baseline's states.
    .target(
      name: "ScanplanReport",
      dependencies: ["ScanplanJSON", "ScanplanSupport", "ScanplanVendorKit"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanPlan",
      dependencies: [
        "ScanplanYAML", "ScanplanJSON", "ScanplanSupport", "ScanplanVendorKit",
      ],
      swiftSettings: swiftSettings
    ),
    // What validation's results and the tables are rendered as: diagnostics in text,
    // JSON, GitHub annotations and SARIF; the JSON Schema, the reference docs and the
    // starter plan.
    .target(
      name: "ScanplanRendering",
      dependencies: [
        "ScanplanPlan", "ScanplanYAML", "ScanplanJSON", "ScanplanSupport", "ScanplanVendorKit",
        "ScanplanReport",
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanExecution",
      dependencies: [
        "ScanplanPlan",
        "ScanplanYAML",
        "ScanplanReport",
        "ScanplanJSON",
        "ScanplanSupport",
        "ScanplanVendorKit",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "HeapModule", package: "swift-collections"),
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanEmulator",
      dependencies: [
        "ScanplanJSON",
        "ScanplanSupport",
        "ScanplanVendorKit",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "DequeModule", package: "swift-collections"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "scanplan",
      dependencies: [
        "ScanplanPlan",
        "ScanplanReport",
        "ScanplanRendering",
        "ScanplanExecution",
        "ScanplanEmulator",
        "ScanplanVendorKit",
        "ScanplanVendors",
        "ScanplanSupport",
        "ScanplanYAML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ScanplanBenchmarks",
      dependencies: [
        "ScanplanPlan", "CLibYAML", "ScanplanYAML", "ScanplanExecution", "ScanplanVendorKit",
        "ScanplanVendors", "ScanplanJSON", "ScanplanSupport", "ScanplanRendering", "ScanplanReport",
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      path: "Benchmarks/ScanplanBenchmarks",
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanFuzzSupport",
      path: "Fuzz/FuzzSupport",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ScanplanFuzz",
      dependencies: [
        "ScanplanPlan", "ScanplanRendering", "ScanplanYAML", "ScanplanFuzzSupport",
        "ScanplanVendors",
      ],
      path: "Fuzz/ScanplanFuzz",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ScanplanAnswerFuzz",
      dependencies: [
        "ScanplanExecution", "ScanplanPlan", "ScanplanYAML", "ScanplanSupport", "ScanplanVendorKit",
        "ScanplanVendors", "ScanplanJSON", "ScanplanFuzzSupport", "ScanplanReport",
        "ScanplanRendering",
      ],
      path: "Fuzz/ScanplanAnswerFuzz",
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanJSONTests",
      dependencies: ["ScanplanJSON"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanYAMLTests",
      dependencies: ["ScanplanYAML"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanPlanTests",
      dependencies: [
        "ScanplanPlan", "ScanplanRendering", "ScanplanJSON", "ScanplanVendorKit", "ScanplanVendors",
        "ScanplanReport", "ScanplanYAML",
      ],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanVendorTests",
      dependencies: [
        "ScanplanVendorKit", "ScanplanVendors", "ScanplanS4E", "ScanplanInvicti", "ScanplanJSON",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanZAPTests",
      dependencies: [
        "ScanplanZAP", "ScanplanVendorKit", "ScanplanVendors", "ScanplanJSON", "ScanplanPlan",
        "ScanplanExecution", "ScanplanEmulator", "ScanplanReport", "ScanplanSupport",
        "ScanplanYAML",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanExecutionTests",
      dependencies: [
        "ScanplanExecution", "ScanplanEmulator", "ScanplanPlan", "ScanplanJSON", "ScanplanSupport",
        "ScanplanVendorKit", "ScanplanVendors", "ScanplanS4E", "ScanplanInvicti", "ScanplanReport",
        "ScanplanRendering", "ScanplanYAML",
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      exclude: ["TLS"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanCLITests",
      dependencies: [
        "scanplan", "ScanplanPlan", "ScanplanRendering", "ScanplanJSON", "ScanplanEmulator",
        "ScanplanVendorKit", "ScanplanVendors", "ScanplanYAML", "ScanplanSupport",
        .product(name: "Subprocess", package: "swift-subprocess"),
        // What Subprocess's API speaks on Linux; Apple's platforms have System itself.
        .product(
          name: "SystemPackage", package: "swift-system", condition: .when(platforms: [.linux])),
      ],
      exclude: ["Goldens", "Formats"],
      swiftSettings: swiftSettings
    ),
  ]
)
