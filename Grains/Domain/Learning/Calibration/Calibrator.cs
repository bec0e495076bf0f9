namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>
/// Fits the learner model's global, per-topic and per-item values to a response log by maximum a posteriori
/// (log-loss plus Gaussian priors), with the students' abilities tracked online exactly as
/// <see cref="LearnerModel"/> tracks them, so the fitted values are the ones that predict well online.
/// </summary>
public static class Calibrator
{
    public static LearnerModelParameters Fit(
        ResponseLog log,
        ReadOnlySpan<int> students,
        CalibrationOptions options,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        var fit = new FitState(log, options);
        fit.CountVisits(students);
        var order = students.ToArray();
        var random = new Random(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var last = epoch == options.Epochs - 1;
            for (var i = 0; i < order.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                fit.Replay(order[i], last);
                if ((i & 63) == 0)
                {
                    progress?.Report((epoch + (double)i / order.Length) / options.Epochs);
                }
            }
        }

        progress?.Report(1);
        return fit.Parameters();
    }

    /// <summary>The parameter vector being fitted, its AdaGrad accumulators and one student's running state.</summary>
    private sealed class FitState
    {
        private const double Epsilon = 1e-8;

        private readonly ResponseLog log;
        private readonly CalibrationOptions options;
        private readonly Parameter[] global = new Parameter[5];
        private readonly Parameter[] topicBias;
        private readonly Parameter[] topicSuccess;
        private readonly Parameter[] topicFailure;
        private readonly Parameter[] itemDifficulty;
        private readonly long[] topicVisits;
        private readonly long[] itemVisits;
        private readonly double[] itemInformation;
        private readonly TopicKnowledge[] knowledge;
        private readonly List<int> touchedTopics = [];

        public FitState(ResponseLog log, CalibrationOptions options)
        {
            this.log = log;
            this.options = options;
            var defaults = LearnerModelParameters.Default;
            global[Intercept] = new Parameter(defaults.Intercept);
            global[OverallSuccess] = new Parameter(defaults.OverallSuccessWeight);
            global[OverallFailure] = new Parameter(defaults.OverallFailureWeight);
            global[TopicSuccess] = new Parameter(defaults.DefaultTopic.SuccessWeight);
            global[TopicFailure] = new Parameter(defaults.DefaultTopic.FailureWeight);
            topicBias = new Parameter[log.TopicIds.Length];
            topicSuccess = new Parameter[log.TopicIds.Length];
            topicFailure = new Parameter[log.TopicIds.Length];
            itemDifficulty = new Parameter[log.ItemIds.Length];
            topicVisits = new long[log.TopicIds.Length];
            itemVisits = new long[log.ItemIds.Length];
            itemInformation = new double[log.ItemIds.Length];
            knowledge = new TopicKnowledge[log.TopicIds.Length];
            Array.Fill(knowledge, TopicKnowledge.None);
        }

        private const int Intercept = 0;
        private const int OverallSuccess = 1;
        private const int OverallFailure = 2;
        private const int TopicSuccess = 3;
        private const int TopicFailure = 4;

        public void CountVisits(ReadOnlySpan<int> students)
        {
            foreach (var student in students)
            {
                for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
                {
                    topicVisits[log.Topics[row]]++;
                    itemVisits[log.Items[row]]++;
                }
            }
        }

        public void Replay(int student, bool measureInformation)
        {
            var model = new LearnerModel(CurrentGlobals());
            var overall = TopicKnowledge.None;
            for (var row = log.StudentStarts[student]; row < log.StudentStarts[student + 1]; row++)
            {
                var topic = log.Topics[row];
                var item = log.Items[row];
                var now = log.Times[row];
                if (knowledge[topic].Evidence == 0)
                {
                    touchedTopics.Add(topic);
                }

                var topicNow = model.Decayed(knowledge[topic], now);
                var overallNow = model.Decayed(overall, now);
                var sk = Math.Log(1 + topicNow.Successes);
                var fk = Math.Log(1 + topicNow.Failures);
                var so = Math.Log(1 + overallNow.Successes);
                var fo = Math.Log(1 + overallNow.Failures);
                var topicParameters = new TopicParameters(
                    topicBias[topic].Value,
                    global[TopicSuccess].Value + topicSuccess[topic].Value,
                    global[TopicFailure].Value + topicFailure[topic].Value,
                    topicVisits[topic]);
                var score = log.Scores[row];
                var outcome = model.Update(topicNow, overallNow, new ItemParameters(itemDifficulty[item].Value, 0, 0), topicParameters, score, now);
                var p = outcome.Predicted.PCorrect;
                var gradient = p - score;
                if (measureInformation)
                {
                    itemInformation[item] += p * (1 - p);
                }

                var rate = options.LearningRate;
                global[Intercept].Step(gradient, rate);
                global[OverallSuccess].Step(gradient * so, rate);
                global[OverallFailure].Step(gradient * fo, rate);
                global[TopicSuccess].Step(gradient * sk, rate);
                global[TopicFailure].Step(gradient * fk, rate);
                var topicPrior = 1 / (options.TopicWeightPriorVariance * topicVisits[topic]);
                topicBias[topic].Step(gradient + topicBias[topic].Value * topicPrior, rate);
                topicSuccess[topic].Step(gradient * sk + topicSuccess[topic].Value * topicPrior, rate);
                topicFailure[topic].Step(gradient * fk + topicFailure[topic].Value * topicPrior, rate);
                var itemPrior = 1 / (options.ItemPriorVariance * itemVisits[item]);
                itemDifficulty[item].Step(-gradient + itemDifficulty[item].Value * itemPrior, rate);

                knowledge[topic] = outcome.Topic;
                overall = outcome.Overall;
            }

            foreach (var topic in touchedTopics)
            {
                knowledge[topic] = TopicKnowledge.None;
            }

            touchedTopics.Clear();
        }

        public LearnerModelParameters Parameters()
        {
            var topics = new Dictionary<string, TopicParameters>(log.TopicIds.Length, StringComparer.Ordinal);
            for (var k = 0; k < log.TopicIds.Length; k++)
            {
                if (topicVisits[k] > 0)
                {
                    topics[log.TopicIds[k]] = new TopicParameters(
                        topicBias[k].Value,
                        global[TopicSuccess].Value + topicSuccess[k].Value,
                        global[TopicFailure].Value + topicFailure[k].Value,
                        topicVisits[k]);
                }
            }

            var items = new Dictionary<string, ItemParameters>(log.ItemIds.Length, StringComparer.Ordinal);
            for (var i = 0; i < log.ItemIds.Length; i++)
            {
                if (itemVisits[i] > 0)
                {
                    items[log.ItemIds[i]] = new ItemParameters(itemDifficulty[i].Value, itemInformation[i], itemVisits[i]);
                }
            }

            return CurrentGlobals() with { Topics = topics, Items = items };
        }

        private LearnerModelParameters CurrentGlobals() => LearnerModelParameters.Default with
        {
            Intercept = global[Intercept].Value,
            OverallSuccessWeight = global[OverallSuccess].Value,
            OverallFailureWeight = global[OverallFailure].Value,
            TopicAbilityPriorVariance = options.TopicAbilityPriorVariance,
            OverallAbilityPriorVariance = options.OverallAbilityPriorVariance,
            ItemPriorVariance = options.ItemPriorVariance,
            HalfLifeDays = options.HalfLifeDays,
            AbilityMemory = options.AbilityMemory,
            DefaultTopic = new TopicParameters(0, global[TopicSuccess].Value, global[TopicFailure].Value, 0),
        };

        private struct Parameter(double value)
        {
            private double squaredGradients;

            public double Value { get; private set; } = value;

            public void Step(double gradient, double rate)
            {
                squaredGradients += gradient * gradient;
                Value -= rate * gradient / Math.Sqrt(squaredGradients + Epsilon);
            }
        }
    }
}
