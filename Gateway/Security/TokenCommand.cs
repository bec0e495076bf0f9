using System.Globalization;
using MasteryEngine.Gateway.Extensions;
using MasteryEngine.Gateway.Hosting;
using MasteryEngine.Gateway.Options;
using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Security;

/// <summary>
/// <c>dotnet run --project Gateway -- token --sub student_12345 --role student [--cohorts c1,c2] [--minutes 60]</c>:
/// prints a token signed with the secret the service itself would use (same appsettings, environment and
/// <c>JWT_SECRET</c>), so a developer can call the API without an identity provider.
/// </summary>
public static class TokenCommand
{
    private const string Usage =
        "usage: token --sub <user id> [--role student|teacher|admin]... [--cohorts c1,c2] [--minutes 60]";

    public static bool IsInvoked(string[] args) => args is ["token", ..];

    public static int Run(string[] args) => Run(args, WebApplication.CreateBuilder(LaunchEnvironment.Options([])));

    /// <param name="builder">Where the secret comes from: the same sources the service reads.</param>
    public static int Run(string[] args, WebApplicationBuilder builder)
    {
        if (!TryParse(args[1..], out var request, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        builder.AddGatewayOptions();
        using var app = builder.Build();
        JwtOptions jwt;
        try
        {
            jwt = app.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        }
        catch (OptionsValidationException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }

        var issuer = new TokenIssuer(jwt, TimeProvider.System);
        Console.WriteLine(issuer.Issue(request.Subject, request.Roles, request.Cohorts, request.Lifetime));
        return 0;
    }

    private static readonly string[] KnownRoles = [MasteryRoles.Student, MasteryRoles.Teacher, MasteryRoles.Admin];

    private sealed record TokenRequest(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Cohorts, TimeSpan Lifetime);

    private static bool TryParse(string[] args, out TokenRequest request, out string error)
    {
        string? subject = null;
        var roles = new List<string>();
        var cohorts = new List<string>();
        var minutes = 60;
        request = new TokenRequest("", [], [], TimeSpan.Zero);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--sub":
                    subject = value;
                    break;
                case "--role":
                    roles.AddRange(List(value));
                    break;
                case "--cohorts":
                    cohorts.AddRange(List(value));
                    break;
                case "--minutes" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) && minutes is > 0 and <= 525_600:
                    break;
                case "--minutes":
                    error = "--minutes must be a whole number of minutes between 1 and 525600.";
                    return false;
                default:
                    error = $"Unknown option {args[i]}.";
                    return false;
            }
        }

        if (string.IsNullOrWhiteSpace(subject))
        {
            error = "--sub is required.";
            return false;
        }

        if (roles.FirstOrDefault(role => !KnownRoles.Contains(role, StringComparer.Ordinal)) is { } unknown)
        {
            // A token with an unknown role is accepted by the gateway and then refused on every route: say so now.
            error = $"--role '{unknown}' is not a role the gateway knows; use {string.Join(", ", KnownRoles)}.";
            return false;
        }

        request = new TokenRequest(subject, roles.Count == 0 ? [MasteryRoles.Student] : roles, cohorts, TimeSpan.FromMinutes(minutes));
        error = "";
        return true;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
