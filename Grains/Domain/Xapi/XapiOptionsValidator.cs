using Microsoft.Extensions.Options;

namespace MasteryEngine.Grains.Domain.Xapi;

/// <summary>Refuses IRIs a statement cannot carry, naming the setting.</summary>
public sealed class XapiOptionsValidator : IValidateOptions<XapiOptions>
{
    public ValidateOptionsResult Validate(string? name, XapiOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpIri(options.HomePage))
        {
            failures.Add($"Xapi:HomePage must be an absolute http(s) IRI; got '{options.HomePage}'.");
        }

        if (options.ActivityBase is { Length: > 0 } activityBase && !(IsHttpIri(activityBase) && activityBase.EndsWith('/')))
        {
            failures.Add($"Xapi:ActivityBase must be an absolute http(s) IRI ending in '/'; got '{activityBase}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpIri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
