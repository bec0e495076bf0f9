namespace MasteryEngine.Grains.Domain;

/// <summary>
/// The tunable parts of the mastery model, bound from the configuration section <c>Mastery</c>;
/// <c>GDPR_RETENTION_DAYS</c> overrides <see cref="RetentionDays"/>.
/// </summary>
public sealed class MasteryOptions
{
    public const string SectionName = "Mastery";

    public const string RetentionDaysVariable = "GDPR_RETENTION_DAYS";

    public const string IdempotencyWindowDaysVariable = "IDEMPOTENCY_WINDOW_DAYS";

    /// <summary>The bit set that records activity days holds 64 days.</summary>
    public const int MaxConsistencyWindowDays = 64;

    public MasteryWeights Weights { get; set; } = new();

    public LevelThresholds Thresholds { get; set; } = new();

    /// <summary>Weight of a new quiz or quality observation in the moving average (0 &lt; alpha ≤ 1).</summary>
    public double EwmaAlpha { get; set; } = 0.3;

    /// <summary>Consistency is the share of this many most recent days (today included) with activity.</summary>
    public int ConsistencyWindowDays { get; set; } = 14;

    /// <summary>Daily snapshots and applied event ids older than this are dropped.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>The trend is the slope of the snapshots of this many most recent days.</summary>
    public int TrendWindowDays { get; set; } = 14;

    /// <summary>A trend slope (mastery per day) whose magnitude is at most this is <c>stable</c>.</summary>
    public double TrendDeadBand { get; set; } = 0.005;

    /// <summary>Predictions fit the snapshots of this many most recent days.</summary>
    public int PredictionHistoryDays { get; set; } = 30;

    /// <summary>
    /// <c>IDEMPOTENCY_WINDOW_DAYS</c>: days an applied event id is remembered, so that a repeated event changes
    /// nothing; an event older than this is refused as stale. At most <see cref="RetentionDays"/> (the ids are
    /// personal data), which is also the default.
    /// </summary>
    public int? IdempotencyWindowDays { get; set; }

    public int IdempotencyWindow => IdempotencyWindowDays ?? RetentionDays;

    /// <summary>At most this many topics are tracked per student; the least recently active one makes room.</summary>
    public int MaxTopics { get; set; } = 32;

    /// <summary>Practice is recommended where the learner model expects this much success or more (desirable difficulty).</summary>
    public double SuccessBandLow { get; set; } = 0.6;

    /// <summary>... and at most this much: above it the item teaches little.</summary>
    public double SuccessBandHigh { get; set; } = 0.8;
}
