using System.Net;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Gateway.Tests;

using LearnerModel = Grains.Domain.Learning.LearnerModel;

public sealed class LearnerModelParametersTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("learner-params-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<string> WriteAsync(LearnerModelParameters parameters)
    {
        var path = Path.Combine(directory, "params.json");
        await using var file = File.Create(path);
        await parameters.SaveAsync(file, CancellationToken.None);
        return path;
    }

    [Fact]
    public async Task The_service_predicts_with_the_calibrated_file_it_was_started_with()
    {
        var parameters = LearnerModelParameters.Default with
        {
            Items = new Dictionary<string, ItemParameters> { ["q_hard"] = new(3, 50, 400) },
        };
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { [LearnerModelParametersFile.Variable] = await WriteAsync(parameters) });
        var client = factory.ClientFor(TestTokens.Admin());
        var student = TestTokens.NewId("student");

        var (status, hard) = await client.PostAsync("/api/v1/mastery/predict-answer", $$"""{"student_id": "{{student}}", "item_id": "q_hard", "topic": "algebra"}""");
        var (_, unseen) = await client.PostAsync("/api/v1/mastery/predict-answer", $$"""{"student_id": "{{student}}", "item_id": "q_new", "topic": "algebra"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var expected = new LearnerModel(parameters).Predict(TopicKnowledge.None, TopicKnowledge.None, parameters.Items["q_hard"], parameters.DefaultTopic, DateTimeOffset.UtcNow);
        Assert.Equal(expected.PCorrect, hard.Path("data.p_correct").GetDouble(), 9);
        Assert.True(hard.Path("data.p_correct").GetDouble() < unseen.Path("data.p_correct").GetDouble() - 0.3);
    }

    [Fact]
    public async Task Without_the_setting_the_model_runs_on_its_defaults()
    {
        var (model, problem) = await LearnerModelParametersFile.LoadAsync(null, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(LearnerModelParameters.Default, model!.Parameters);
    }

    [Theory]
    [InlineData("missing", "params.json")]
    [InlineData("""{"intercept": "high"}""", "Not a learner model parameter file")]
    [InlineData("""{"intercept": 0, "overall_success_weight": 0, "overall_failure_weight": 0, "topic_ability_prior_variance": -1, "overall_ability_prior_variance": 0.1, "item_prior_variance": 1, "half_life_days": 60, "ability_memory": 20, "default_topic": {"bias": 0, "success_weight": 0, "failure_weight": 0, "responses": 0}, "topics": {}, "items": {}}""", "prior variances")]
    public async Task An_unusable_file_is_refused_with_one_line_naming_the_setting_and_the_reason(string content, string reason)
    {
        var path = Path.Combine(directory, "params.json");
        if (content != "missing")
        {
            await File.WriteAllTextAsync(path, content);
        }

        var (model, problem) = await LearnerModelParametersFile.LoadAsync(path, CancellationToken.None);

        Assert.Null(model);
        Assert.StartsWith($"{LearnerModelParametersFile.Variable}={path}: ", problem);
        Assert.Contains(reason, problem);
        Assert.DoesNotContain('\n', problem!);
    }

    [Fact]
    public void A_gateway_given_an_unusable_file_does_not_start()
    {
        using var factory = new GatewayFactory("Development", new Dictionary<string, string?> { [LearnerModelParametersFile.Variable] = Path.Combine(directory, "absent.json") });

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }
}
