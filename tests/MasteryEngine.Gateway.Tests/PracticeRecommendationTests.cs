using System.Net;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Tests.Infrastructure;
using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Gateway.Tests;

public sealed class PracticeRecommendationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("practice-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Items_in_the_success_band_come_first_and_the_band_is_configurable()
    {
        var path = Path.Combine(directory, "params.json");
        await using (var file = File.Create(path))
        {
            var parameters = LearnerModelParameters.Default with
            {
                Items = new Dictionary<string, ItemParameters> { ["q_hard"] = new(3, 50, 400), ["q_easy"] = new(-3, 50, 400), ["q_mid"] = new(0, 50, 400) },
            };
            await parameters.SaveAsync(file, CancellationToken.None);
        }

        var body = $$"""
            {"student_id": "{{TestTokens.NewId("student")}}", "limit": 3, "candidates": [
              {"item_id": "q_hard", "topic": "algebra"}, {"item_id": "q_easy", "topic": "algebra"}, {"item_id": "q_mid", "topic": "algebra"}]}
            """;
        using var standard = new GatewayFactory("Development", new Dictionary<string, string?> { [LearnerModelParametersFile.Variable] = path });
        using var easyBand = new GatewayFactory("Development", new Dictionary<string, string?>
        {
            [LearnerModelParametersFile.Variable] = path,
            ["Mastery:SuccessBandLow"] = "0.9",
            ["Mastery:SuccessBandHigh"] = "1",
        });

        var (status, ranked) = await standard.ClientFor(TestTokens.Admin()).PostAsync("/api/v1/recommendations/practice", body);
        var (_, rankedEasy) = await easyBand.ClientFor(TestTokens.Admin()).PostAsync("/api/v1/recommendations/practice", body);

        Assert.Equal(HttpStatusCode.OK, status);
        var items = ranked.Path("data.items").EnumerateArray().ToList();
        Assert.Equal(["q_mid", "q_easy", "q_hard"], items.Select(i => i.GetProperty("item_id").GetString()));
        Assert.True(items[0].GetProperty("in_success_band").GetBoolean());
        Assert.False(items[2].GetProperty("in_success_band").GetBoolean());
        Assert.Equal("q_easy", rankedEasy.Path("data.items")[0].GetProperty("item_id").GetString());
    }

    [Fact]
    public async Task Candidates_are_required()
    {
        using var factory = new GatewayFactory();

        using var response = await factory.ClientFor(TestTokens.Admin()).PostJsonAsync("/api/v1/recommendations/practice", """{"student_id": "s1", "candidates": []}""");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("candidates", problem.GetRawText());
    }
}
