namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// The cost of the pure model per answer: one <see cref="LearnerModel.Predict"/> and one
/// <see cref="LearnerModel.Update"/> over every answer of a log, with item and topic parameters already looked
/// up (as a grain has them in memory). Run twice; the second, warm run is reported.
/// </summary>
public sealed record ModelThroughput(long Answers, TimeSpan Elapsed, long AllocatedBytes)
{
    public double AnswersPerSecond => Answers / Math.Max(Elapsed.TotalSeconds, 1e-9);

    public double NanosecondsPerAnswer => Elapsed.TotalNanoseconds / Math.Max(Answers, 1);

    public double BytesPerAnswer => (double)AllocatedBytes / Math.Max(Answers, 1);

    public static ModelThroughput Measure(ResponseLog log, LearnerModelParameters parameters, TimeProvider time)
    {
        var model = new LearnerModel(parameters);
        var items = new ItemParameters[log.ItemIds.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = parameters.Item(log.ItemIds[i]);
        }

        var topics = new TopicParameters[log.TopicIds.Length];
        for (var k = 0; k < topics.Length; k++)
        {
            topics[k] = parameters.Topic(log.TopicIds[k]);
        }

        var knowledge = new TopicKnowledge[topics.Length];
        Replay(log, model, items, topics, knowledge, time);
        return Replay(log, model, items, topics, knowledge, time);
    }

    private static ModelThroughput Replay(ResponseLog log, LearnerModel model, ItemParameters[] items, TopicParameters[] topics, TopicKnowledge[] knowledge, TimeProvider time)
    {
        double checksum = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = time.GetTimestamp();
        for (var student = 0; student < log.StudentCount; student++)
        {
            Array.Fill(knowledge, TopicKnowledge.None);
            var overall = TopicKnowledge.None;
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                var topic = log.Topics[row];
                var item = items[log.Items[row]];
                checksum += model.Predict(knowledge[topic], overall, item, topics[topic], log.Times[row]).PCorrect;
                var outcome = model.Update(knowledge[topic], overall, item, topics[topic], log.Scores[row], log.Times[row]);
                knowledge[topic] = outcome.Topic;
                overall = outcome.Overall;
            }
        }

        var elapsed = time.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return double.IsNaN(checksum)
            ? throw new InvalidOperationException("The model predicted NaN.")
            : new ModelThroughput(log.Rows, elapsed, allocated);
    }
}
