namespace MasteryEngine.Grains;

/// <summary>The outcome of applying one learning event.</summary>
/// <param name="Applied">False when the event id had already been applied: nothing changed.</param>
public sealed record EventApplyResult(string StudentId, string EventId, bool Applied, double MasteryScore, MasteryLevel Level);
