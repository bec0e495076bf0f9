namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>What became of one request sent to a gateway that may be shutting down.</summary>
public enum RequestOutcome
{
    /// <summary>A 2xx answer: the gateway promised the change, so it must never be lost.</summary>
    Acknowledged,

    /// <summary>Connection refused or a 503: the gateway said no, and applied nothing.</summary>
    Refused,

    /// <summary>
    /// The connection closed without an answer: the gateway closed an idle keep-alive connection just as the request
    /// was sent on it (a race every HTTP/1.1 client must expect, RFC 9112 §9.3.1), or aborted the request when the
    /// drain budget ran out. Within the budget a drain answers every request it read, so then nothing of an
    /// unanswered request may have been applied.
    /// </summary>
    Unanswered,

    /// <summary>Any other answer (a 500, a 4xx): a shutdown must never produce one.</summary>
    Unexpected,
}
