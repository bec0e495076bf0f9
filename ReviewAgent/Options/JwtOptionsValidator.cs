using System.Text;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ReviewAgent.Options;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            return ValidateOptionsResult.Fail(
                "JWT_SECRET is not set. Outside Development the Review Agent needs the Mastery Engine's secret " +
                $"(at least {JwtOptions.MinimumSecretBytes} bytes) to validate tokens and sign its own.");
        }

        var bytes = Encoding.UTF8.GetByteCount(options.Secret);
        if (bytes < JwtOptions.MinimumSecretBytes)
        {
            return ValidateOptionsResult.Fail(
                $"JWT_SECRET is {bytes} bytes long; HS256 needs at least {JwtOptions.MinimumSecretBytes}.");
        }

        return options.ClockSkew < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Jwt:ClockSkew must not be negative.")
            : ValidateOptionsResult.Success;
    }
}
