// swift-tools-version:6.1
import PackageDescription

/// Upcoming language features the whole package opts into, as hummingbird does:
/// explicit `any`, and imports that only expose what a file names.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "scanplan",
  products: [
    .executable(name: "scanplan", targets: ["scanplan"]),
    .library(name: "ScanplanPlan", targets: ["ScanplanPlan"]),
    .library(name: "ScanplanYAML", targets: ["ScanplanYAML"]),
    .library(name: "ScanplanExecution", targets: ["ScanplanExecution"]),
    .library(name: "ScanplanEmulator", targets: ["ScanplanEmulator"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(
      name: "ScanplanJSON",
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
      dependencies: ["CLibYAML"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanPlan",
      dependencies: ["ScanplanYAML", "ScanplanJSON", "ScanplanSupport"],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanExecution",
      dependencies: [
        "ScanplanPlan",
        "ScanplanJSON",
        "ScanplanSupport",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .target(
      name: "ScanplanEmulator",
      dependencies: [
        "ScanplanJSON",
        "ScanplanSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "scanplan",
      dependencies: [
        "ScanplanPlan",
        "ScanplanExecution",
        "ScanplanEmulator",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ScanplanBenchmarks",
      dependencies: ["ScanplanPlan", "CLibYAML"],
      path: "Benchmarks/ScanplanBenchmarks",
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "ScanplanFuzz",
      dependencies: ["ScanplanPlan", "ScanplanYAML"],
      path: "Fuzz/ScanplanFuzz",
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
      dependencies: ["ScanplanPlan", "ScanplanJSON"],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanExecutionTests",
      dependencies: [
        "ScanplanExecution", "ScanplanEmulator", "ScanplanPlan", "ScanplanJSON", "ScanplanSupport",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "ScanplanCLITests",
      dependencies: ["scanplan", "ScanplanPlan", "ScanplanJSON", "ScanplanEmulator"],
      exclude: ["Goldens"],
      swiftSettings: swiftSettings
    ),
  ]
)
