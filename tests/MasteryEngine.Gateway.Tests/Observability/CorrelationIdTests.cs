using MasteryEngine.Gateway.Tests.Metrics;
using MasteryEngine.Silo.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MasteryEngine.Gateway.Tests.Observability;

public sealed class CorrelationIdTests
{
    private static readonly Uri Anywhere = new("/metrics", UriKind.Relative);

    [Fact]
    public async Task A_valid_request_id_is_echoed()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Anywhere);
        request.Headers.Add("X-Request-ID", "abc-123-def");

        using var response = await client.SendAsync(request);

        Assert.Equal("abc-123-def", response.Headers.GetValues("X-Request-ID").Single());
    }

    [Fact]
    public async Task A_missing_request_id_is_generated()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        using var first = await client.GetAsync(Anywhere);
        using var second = await client.GetAsync(Anywhere);

        var firstId = first.Headers.GetValues("X-Request-ID").Single();
        Assert.True(Guid.TryParse(firstId, out _), firstId);
        Assert.NotEqual(firstId, second.Headers.GetValues("X-Request-ID").Single());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("quote\"inside")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    public async Task An_unsafe_request_id_is_replaced(string unsafeId)
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Anywhere);
        request.Headers.TryAddWithoutValidation("X-Request-ID", unsafeId);

        using var response = await client.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-ID").Single();
        Assert.NotEqual(unsafeId, echoed);
        Assert.True(Guid.TryParse(echoed, out _), echoed);
    }

    [Fact]
    public async Task A_request_id_longer_than_128_characters_is_replaced()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Anywhere);
        request.Headers.Add("X-Request-ID", new string('a', 129));

        using var response = await client.SendAsync(request);

        Assert.True(Guid.TryParse(response.Headers.GetValues("X-Request-ID").Single(), out _));
    }

    [Fact]
    public async Task The_trace_id_of_an_incoming_traceparent_is_returned_in_x_trace_id()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Anywhere);
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        using var response = await client.SendAsync(request);

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", response.Headers.GetValues("X-Trace-ID").Single());
    }

    [Fact]
    public async Task Code_handling_the_request_sees_the_correlation_id()
    {
        await using var app = await ObservedTestApp.StartAsync(web =>
            web.MapGet("/whoami", () => CorrelationContext.CorrelationId ?? "none"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Add("X-Request-ID", "corr-42");

        using var response = await app.Client.SendAsync(request);

        Assert.Equal("corr-42", await response.Content.ReadAsStringAsync());
    }
}
