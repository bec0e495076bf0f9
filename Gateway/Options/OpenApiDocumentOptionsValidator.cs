using Microsoft.Extensions.Options;

namespace MasteryEngine.Gateway.Options;

internal sealed class OpenApiDocumentOptionsValidator : IValidateOptions<OpenApiDocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenApiDocumentOptions options)
    {
        if (string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri)
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                "PUBLIC_BASE_URL must be an absolute http or https URL without query or fragment, e.g. https://mastery.example.org; it is not.");
    }
}
