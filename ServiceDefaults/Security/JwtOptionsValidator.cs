using System.Text;
using Microsoft.Extensions.Options;

namespace MasteryEngine.ServiceDefaults.Security;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            return ValidateOptionsResult.Fail(
                "JWT_SECRET is not set. The public development secret is used only in Development (by the gateway only while " +
                $"listening on loopback only); otherwise the service needs the solution's secret of at least {JwtOptions.MinimumSecretBytes} " +
                "bytes to validate tokens: e.g. `export JWT_SECRET=$(openssl rand -base64 48)`.");
        }

        var bytes = Encoding.UTF8.GetByteCount(options.Secret);
        if (bytes < JwtOptions.MinimumSecretBytes)
        {
            return ValidateOptionsResult.Fail(
                $"JWT_SECRET is {bytes} bytes long; HS256 needs at least {JwtOptions.MinimumSecretBytes}. " +
                "Use a longer random value, e.g. `openssl rand -base64 48`.");
        }

        return options.ClockSkew < TimeSpan.Zero
            ? ValidateOptionsResult.Fail("Jwt:ClockSkew must not be negative.")
            : ValidateOptionsResult.Success;
    }
}
