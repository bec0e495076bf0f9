using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace MasteryEngine.Bench;

/// <summary>
/// The baseline of the http scenario: a bare ASP.NET Core app on Kestrel with the same JWT bearer check and a
/// calculate route that reads the same JSON body and answers a JSON of the same size, with no grain, no
/// validation, no rate limiting and no logging. What the gateway adds is the difference.
/// </summary>
internal static class BareCalculateEndpoint
{
    public static async Task<WebApplication> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = false,
                ValidateAudience = false,
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
            };
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/api/v1/mastery/calculate", async (HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body);
            var components = body!["components"]!;
            var score = (0.4 * components["completion"]!.GetValue<double>()) + (0.3 * components["quiz"]!.GetValue<double>())
                + (0.2 * components["quality"]!.GetValue<double>()) + (0.1 * components["consistency"]!.GetValue<double>());
            return Results.Json(new { success = true, data = new { student_id = body["student_id"]!.GetValue<string>(), mastery_score = score, components } });
        }).RequireAuthorization();
        await app.StartAsync();
        return app;
    }

    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
