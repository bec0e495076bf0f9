namespace MasteryEngine.ReviewAgent.Contracts;

/// <param name="Status"><c>sent</c>, <c>failed</c> (the caller may resubmit: the event id stays the same) or <c>disabled</c>.</param>
/// <param name="Via"><c>kafka</c>, <c>http</c> or <c>none</c>.</param>
public sealed record MasteryFeedReceipt(string EventId, string Status, string Via);
