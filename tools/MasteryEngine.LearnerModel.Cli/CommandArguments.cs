using System.Globalization;
using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>The <c>--name value</c> options of the calibrate and evaluate commands, with the fitting options they set.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> values;

    private CommandArguments(Dictionary<string, string> values) => this.values = values;

    public const string FittingUsage =
        "[--epochs 8] [--learning-rate 0.1] [--topic-ability-variance 0.3] [--overall-ability-variance 0.1] " +
        "[--item-variance 1] [--half-life-days 60] [--ability-memory 20] [--seed 17]";

    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyCollection<string> allowed, out CommandArguments arguments, out string error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        arguments = new CommandArguments(values);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(name[2..]))
            {
                error = $"Unknown option '{name}'.";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"Option '{name}' needs a value.";
                return false;
            }

            values[name[2..]] = args[i + 1];
        }

        error = "";
        return true;
    }

    public static readonly IReadOnlyCollection<string> FittingOptions =
        ["epochs", "learning-rate", "topic-ability-variance", "overall-ability-variance", "item-variance", "half-life-days", "ability-memory", "seed"];

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int WholeNumber(string name, int fallback, int minimum) =>
        values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum
                ? value
                : throw new ArgumentException($"--{name} must be a whole number ≥ {minimum}, not '{text}'.")
            : fallback;

    public double Positive(string name, double fallback) =>
        values.TryGetValue(name, out var text)
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} must be a number > 0, not '{text}'.")
            : fallback;

    public CalibrationOptions Fitting()
    {
        var defaults = new CalibrationOptions();
        return defaults with
        {
            Epochs = WholeNumber("epochs", defaults.Epochs, 1),
            LearningRate = Positive("learning-rate", defaults.LearningRate),
            TopicAbilityPriorVariance = Positive("topic-ability-variance", defaults.TopicAbilityPriorVariance),
            OverallAbilityPriorVariance = Positive("overall-ability-variance", defaults.OverallAbilityPriorVariance),
            ItemPriorVariance = Positive("item-variance", defaults.ItemPriorVariance),
            HalfLifeDays = Positive("half-life-days", defaults.HalfLifeDays),
            AbilityMemory = Positive("ability-memory", defaults.AbilityMemory),
            Seed = WholeNumber("seed", defaults.Seed, 0),
        };
    }
}
