namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>What became of one request sent to a gateway that may be shutting down.</summary>
public enum RequestOutcome
{
    /// <summary>A 2xx answer: the gateway promised the change, so it must never be lost.</summary>
    Acknowledged,

    /// <summary>Connection refused or a 503: the gateway said no, and applied nothing.</summary>
    Refused,

    /// <summary>Sent, but the connection ended without an answer: it may or may not have been applied.</summary>
    Unanswered,

    /// <summary>Any other answer (a 500, a 4xx): a shutdown must never produce one.</summary>
    Unexpected,
}
