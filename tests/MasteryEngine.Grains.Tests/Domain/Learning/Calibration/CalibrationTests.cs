using MasteryEngine.Grains.Domain.Learning;
using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.Grains.Tests.Domain.Learning.Calibration;

public class CalibrationTests
{
    private static readonly SimulatedClassroom Classroom = new(students: 300, answersPerStudent: 60, seed: 11);
    private static readonly Lazy<Task<ResponseLog>> SimulatedLog = new(() => ResponseLogReader.ReadAsync(new StringReader(Classroom.Tsv), CancellationToken.None));

    [Fact]
    public async Task Cross_validated_the_model_beats_running_accuracy_and_plain_elo_and_is_calibrated()
    {
        var log = await SimulatedLog.Value;
        var results = CrossValidation.Run(
            log, 3, [() => new LearnerModelTracer(new CalibrationOptions()), () => new RunningSkillAccuracyTracer(), () => new PlainEloTracer()],
            seed: 5, TimeProvider.System, progress: null, CancellationToken.None);
        var (model, accuracy, elo) = (results[0].Metrics, results[1].Metrics, results[2].Metrics);

        Assert.Equal(log.Rows, model.Count);
        Assert.True(model.Auc > accuracy.Auc + 0.03, $"model AUC {model.Auc:F4}, running accuracy {accuracy.Auc:F4}");
        Assert.True(model.Auc > elo.Auc, $"model AUC {model.Auc:F4}, plain Elo {elo.Auc:F4}");
        Assert.True(model.LogLoss < Math.Min(accuracy.LogLoss, elo.LogLoss), $"model log-loss {model.LogLoss:F4}");
        Assert.True(model.CalibrationError < 0.03, $"model ECE {model.CalibrationError:F4}");
    }

    [Fact]
    public async Task Calibration_recovers_the_order_of_item_difficulties()
    {
        var log = await SimulatedLog.Value;
        var parameters = Calibrator.Fit(log, Enumerable.Range(0, log.StudentCount).ToArray(), new CalibrationOptions(), null, CancellationToken.None);

        var items = Enumerable.Range(0, Classroom.ItemDifficulty.Length).ToArray();
        var fitted = items.Select(i => parameters.Item($"i{i}").Difficulty - parameters.Topic($"k{i / SimulatedClassroom.ItemsPerTopic}").Bias).ToArray();
        var truth = items.Select(i => Classroom.ItemDifficulty[i]).ToArray();

        Assert.True(SpearmanCorrelation(fitted, truth) > 0.9, $"rank correlation {SpearmanCorrelation(fitted, truth):F3}");
    }

    [Fact]
    public async Task A_fitted_model_predicts_a_strong_student_above_a_weak_one_on_the_same_item()
    {
        var log = await SimulatedLog.Value;
        var parameters = Calibrator.Fit(log, Enumerable.Range(0, log.StudentCount).ToArray(), new CalibrationOptions(), null, CancellationToken.None);
        var model = new LearnerModel(parameters);
        var (strong, weak) = (TopicKnowledge.None, TopicKnowledge.None);
        var (strongOverall, weakOverall) = (TopicKnowledge.None, TopicKnowledge.None);
        var topic = parameters.Topic("k0");
        for (var answer = 0; answer < 10; answer++)
        {
            var item = parameters.Item($"i{answer}");
            var right = model.Update(strong, strongOverall, item, topic, 1, DateTimeOffset.UnixEpoch);
            var wrong = model.Update(weak, weakOverall, item, topic, 0, DateTimeOffset.UnixEpoch);
            (strong, strongOverall, weak, weakOverall) = (right.Topic, right.Overall, wrong.Topic, wrong.Overall);
        }

        var next = parameters.Item("i15");
        Assert.True(model.Predict(strong, strongOverall, next, topic, DateTimeOffset.UnixEpoch).PCorrect
            > model.Predict(weak, weakOverall, next, topic, DateTimeOffset.UnixEpoch).PCorrect + 0.3);
    }

    [Fact]
    public async Task The_pure_model_allocates_nothing_per_answer()
    {
        var log = await SimulatedLog.Value;
        var parameters = Calibrator.Fit(log, Enumerable.Range(0, 50).ToArray(), new CalibrationOptions { Epochs = 1 }, null, CancellationToken.None);

        var throughput = ModelThroughput.Measure(log, parameters, TimeProvider.System);

        Assert.Equal(log.Rows, throughput.Answers);
        Assert.True(throughput.BytesPerAnswer < 1, $"{throughput.BytesPerAnswer:F2} bytes per answer");
    }

    private static double SpearmanCorrelation(double[] a, double[] b)
    {
        var (ra, rb) = (Ranks(a), Ranks(b));
        var (ma, mb) = (ra.Average(), rb.Average());
        var covariance = ra.Zip(rb, (x, y) => (x - ma) * (y - mb)).Sum();
        return covariance / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(y => (y - mb) * (y - mb)));
    }

    private static double[] Ranks(double[] values)
    {
        var ranks = new double[values.Length];
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        for (var rank = 0; rank < order.Length; rank++)
        {
            ranks[order[rank]] = rank;
        }

        return ranks;
    }
}
