/// A vendor whose scan can take more than one stage, each started once its previous
/// stage completed (ZAP's active scan after its crawl).
package protocol RunsInStages: ProviderAPI {
  /// The request that starts the scan's next stage once the stage `scanID` names has
  /// completed, or nil when that was the last. A stage is started once, as a trigger is;
  /// its answer names the stage polled next.
  func nextStage(after scanID: String, trigger: TriggerInput, baseURL: String, token: String)
    -> HTTPRequest?

  /// The requests of the stages after the trigger, in order, as a dry run shows them.
  func laterStages(_ trigger: TriggerInput, baseURL: String, token: String) -> [HTTPRequest]

  /// The id a stage's answer (2xx) gives, as polls and findings will name it.
  func scanID(
    inStageAnswer response: HTTPResponse, after scanID: String, trigger: TriggerInput
  ) -> Result<String, AnswerError>
}

extension RunsInStages {
  /// A stage is answered as a trigger is.
  package func scanID(
    inStageAnswer response: HTTPResponse, after scanID: String, trigger: TriggerInput
  ) -> Result<String, AnswerError> {
    self.scanID(inTriggerAnswer: response, trigger: trigger)
  }
}
