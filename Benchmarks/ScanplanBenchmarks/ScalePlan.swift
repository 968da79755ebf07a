import ScanplanExecution
import ScanplanPlan
import ScanplanVendors
import ScanplanYAML

/// A plan of `scans` scans, half on S4E and half on Invicti, one scan per asset, as the
/// scale benchmarks run it: 100 requests a second per provider, no trigger limit but the
/// budget, and polls from 30 s backing off to 5 min. It is written as files of 25,000
/// scans, under the loader's size limit, whose providers share their budgets.
func scalePlan(scans: Int) -> RunPlan {
  let plans = stride(from: 0, to: scans, by: 25_000).map { first in
    planFile(scans: first..<min(scans, first + 25_000))
  }
  switch RunPlan.prepare(
    plans, environment: ["S4E_API_TOKEN": "s", "INVICTI_API_TOKEN": "i"],
    selection: RunSelection())
  {
  case .success(let runPlan): return runPlan
  case .failure(let error): fatalError("the scale plan must prepare: \(error)")
  }
}

private func planFile(scans: Range<Int>) -> ResolvedPlan {
  var text = """
    version: 1
    providers:
      s4e:
        type: s4e
        base_url: http://127.0.0.1:1
        token: ${S4E_API_TOKEN}
        requests_per_second: 100
        triggers_per_minute: 6000
        poll: { initial_interval: 30s, max_interval: 5m, timeout: 6h }
      invicti:
        type: invicti
        base_url: http://127.0.0.1:1
        token: ${INVICTI_API_TOKEN}
        requests_per_second: 100
        poll: { initial_interval: 30s, max_interval: 5m, timeout: 6h }
    assets:

    """
  text.reserveCapacity(scans.count * 160)
  for index in scans {
    let hex = String(index, radix: 16)
    let id = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    if index % 2 == 0 {
      text +=
        "  - { name: s\(index), provider: s4e, asset_id: \(id), scans: [{ scan_type: quick }] }\n"
    } else {
      text +=
        "  - { name: i\(index), provider: invicti, target_id: \(id), user_authorized_to_scan: yes, "
        + "scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }] }\n"
    }
  }
  let path = "scale-\(scans.lowerBound).yaml"
  let validation = PlanValidator(registry: Vendors.registry).validate(
    SourceText(path: path, text: text))
  guard let plan = validation.plan, !validation.hasErrors else {
    fatalError("the scale plan must be valid: \(validation.diagnostics.map(\.message))")
  }
  return plan
}
