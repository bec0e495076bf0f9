namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// The learner model as the service runs it: calibrated on the training students, then every answer goes
/// through <see cref="LearnerModel.Update"/> with the student's knowledge records, and the item's delta is applied
/// as the item grain would apply it.
/// </summary>
public sealed class LearnerModelTracer : IKnowledgeTracer
{
    private readonly Dictionary<string, TopicKnowledge> studentTopics = new(StringComparer.Ordinal);
    private readonly CalibrationOptions options;
    private LearnerModel model = new(LearnerModelParameters.Default);
    private Dictionary<string, ItemParameters> items = [];
    private TopicKnowledge overall = TopicKnowledge.None;

    /// <summary>A tracer that <see cref="Fit"/> calibrates with these options.</summary>
    public LearnerModelTracer(CalibrationOptions options) => this.options = options;

    /// <summary>A tracer that starts from parameters already fitted.</summary>
    public LearnerModelTracer(LearnerModelParameters fitted)
    {
        options = new CalibrationOptions();
        Use(fitted);
    }

    public string Name => "learner model";

    public LearnerModelParameters? Fitted { get; private set; }

    public void Fit(ResponseLog log, ReadOnlySpan<int> students, CancellationToken cancellationToken)
    {
        Use(Calibrator.Fit(log, students, options, progress: null, cancellationToken));
    }

    public void BeginStudent()
    {
        studentTopics.Clear();
        overall = TopicKnowledge.None;
    }

    private void Use(LearnerModelParameters fitted)
    {
        Fitted = fitted;
        model = new LearnerModel(fitted);
        items = new Dictionary<string, ItemParameters>(fitted.Items, StringComparer.Ordinal);
    }

    public double PredictThenLearn(ResponseLog log, int row)
    {
        var topicId = log.TopicIds[log.Topics[row]];
        var itemId = log.ItemIds[log.Items[row]];
        var item = items.TryGetValue(itemId, out var known) ? known : ItemParameters.Unseen;
        var topic = studentTopics.TryGetValue(topicId, out var knowledge) ? knowledge : TopicKnowledge.None;
        var outcome = model.Update(topic, overall, item, model.Parameters.Topic(topicId), log.Scores[row], log.Times[row]);
        studentTopics[topicId] = outcome.Topic;
        overall = outcome.Overall;
        items[itemId] = item.Apply(outcome.ItemDelta);
        return outcome.Predicted.PCorrect;
    }
}
