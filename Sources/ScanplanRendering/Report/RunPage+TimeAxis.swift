import ScanplanReport

extension RunPage {
  /// Seconds since the run started, across an SVG from `left` to 10 units short of its
  /// right edge, clamped to the run: what the budget chart and the timeline share.
  struct TimeAxis {
    /// Where the run starts on every chart of the page, whatever the chart shows left of
    /// it, so that a moment falls at the same x in the budget chart and the timeline.
    static let left = 190.0

    let length: Double

    /// `TimeAxis.left`, for each chart's own drawing.
    var left: Double { Self.left }

    /// The width the run spans.
    var plot: Double { RunPage.width - left - 10 }

    /// Where a moment falls.
    func x(_ seconds: Double) -> Double { left + plot * min(max(seconds / length, 0), 1) }

    /// 429 pauses shaded from `top` down `height`.
    func shaded(_ pauses: [RunReport.Pause], top: Double, height: Double) -> String {
      pauses.map { pause in
        "<rect x=\"\(HTML.number(x(pause.from)))\" y=\"\(HTML.number(top))\" "
          + "width=\"\(HTML.number(max(x(pause.until) - x(pause.from), 1)))\" "
          + "height=\"\(HTML.number(height))\" fill=\"\(Colour.pause)\"/>"
      }.joined()
    }
  }
}
