namespace MasteryEngine.Grains;

/// <summary>
/// How long a student's change waits for its milestones to reach the stream, and how often what could not be
/// published is tried again (section <c>Milestones</c>). The wait must end well within the grain-call timeout: a
/// change that is stored must be acknowledged even while Kafka is away, its milestones kept in the outbox.
/// </summary>
public sealed class MilestoneOutboxOptions
{
    public const string SectionName = "Milestones";

    /// <summary>The longest a change waits for one milestone's publication; the silo sets half the grain-call timeout unless configured.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>While milestones wait in an active grain's outbox, it tries again this often (and at its next change or activation).</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);
}
