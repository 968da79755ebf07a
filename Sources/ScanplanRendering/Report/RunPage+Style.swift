import ScanplanReport

extension RunPage {
  /// The page's colours: one per phase of a scan, one per kind of ending.
  enum Colour {
    static let waiting = "#d1d5db"
    static let queued = "#f59e0b"
    static let running = "#3b82f6"
    static let ok = "#16a34a"
    static let bad = "#dc2626"
    static let other = "#6b7280"
    static let poll = "#111827"
    static let pause = "rgba(220,38,38,0.14)"
  }

  /// The colour of a scan's end: a failed gate fails the scan, whatever its status.
  static func endColour(_ scan: RunReport.Scan) -> String {
    if scan.gateFailed { return Colour.bad }
    return switch outcomeClass(scan.status) {
    case "ok": Colour.ok
    case "bad": Colour.bad
    default: Colour.other
    }
  }

  static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;\
    max-width:1180px;padding:0 16px;color:#111827;background:#fff}
    h1{font-size:22px;margin:0}h2{font-size:17px;margin:28px 0 6px}h3{font-size:15px}
    h2 small{font-weight:normal;color:#4b5563;font-size:13px}
    .meta{color:#4b5563;margin:4px 0 12px}.note{color:#92400e}
    .chip{display:inline-block;border-radius:10px;padding:1px 9px;margin:2px 0;font-size:12px;\
    background:#e5e7eb;color:#111827}
    .chip.ok{background:#dcfce7;color:#14532d}.chip.bad{background:#fee2e2;color:#7f1d1d}
    .chip.other{background:#e5e7eb;color:#374151}.chip.severity{background:#fef3c7;color:#78350f}
    .chip.sev-critical{background:#7f1d1d;color:#fff}.chip.sev-high{background:#fee2e2;color:#991b1b}
    .chip.sev-medium{background:#fef3c7;color:#92400e}.chip.sev-low{background:#dbeafe;color:#1e3a8a}
    .chip.sev-info{background:#f3f4f6;color:#374151}.chip.state-new{background:#ede9fe;color:#5b21b6}
    .chip.state-unchanged,.chip.state-absent{background:#f3f4f6;color:#6b7280}
    td.url{word-break:break-all;font-size:12px}
    svg{display:block;width:100%;height:auto;font-size:11px}
    svg text{fill:#374151}.axis line{stroke:#e5e7eb}
    .legend{color:#374151;font-size:12px;margin:18px 0}
    .legend i{display:inline-block;width:12px;height:10px;margin:0 4px 0 12px;vertical-align:-1px}
    .legend i.tick{width:2px;background:#111827}
    table{border-collapse:collapse;width:100%;margin:6px 0 16px}
    th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e5e7eb;vertical-align:top}
    th{font-weight:600;color:#374151;background:#f9fafb}
    .where,.reason{color:#6b7280;font-size:12px}td.gate.failed{color:#991b1b;font-weight:600}
    details summary{cursor:pointer;font-weight:600;margin:10px 0}
    code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
    """

  static let legend = """
    <p class="legend">\
    <i style="background:\(Colour.waiting)"></i>waiting to trigger\
    <i style="background:\(Colour.queued)"></i>queued\
    <i style="background:\(Colour.running)"></i>running\
    <i style="background:\(Colour.ok)"></i>ended well\
    <i style="background:\(Colour.bad)"></i>failed\
    <i style="background:\(Colour.other)"></i>ended otherwise\
    <i class="tick"></i>poll\
    <i style="background:\(Colour.pause)"></i>429 pause</p>

    """
}
