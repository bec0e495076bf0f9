using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Broker))
        {
            failures.Add("KAFKA_BROKER must name at least one host:port when KAFKA_ENABLED=true.");
        }

        var topics = new[] { options.RequestsTopic, options.ResultsTopic, options.DeadLetterTopic, options.MasteryTopic };
        if (topics.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Kafka topics (requests, results, dead letter, mastery) must not be empty.");
        }
        else if (topics.Distinct(StringComparer.Ordinal).Count() != topics.Length)
        {
            failures.Add("Kafka topics (requests, results, dead letter, mastery) must all differ.");
        }

        if (string.IsNullOrWhiteSpace(options.GroupId))
        {
            failures.Add("KAFKA_GROUP_ID must not be empty.");
        }

        if (options.RetryBackoff < TimeSpan.Zero)
        {
            failures.Add("Kafka:RetryBackoff must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
