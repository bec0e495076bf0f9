using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MasteryEngine.Gateway.Tests.Hosting;

/// <summary>One POST of a load writer, and what the gateway made of it.</summary>
public sealed record SentRequest(string StudentId, string Key, bool AfterSigterm, RequestOutcome Outcome, string Detail)
{
    /// <summary>Sends <paramref name="json"/> and classifies the result; <paramref name="key"/> names the change (event id, value).</summary>
    public static async Task<SentRequest> PostAsync(
        HttpClient client, string path, string json, string studentId, string key, bool afterSigterm, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
            var outcome = (int)response.StatusCode switch
            {
                >= 200 and < 300 => RequestOutcome.Acknowledged,
                (int)HttpStatusCode.ServiceUnavailable => RequestOutcome.Refused,
                _ => RequestOutcome.Unexpected,
            };
            var detail = outcome == RequestOutcome.Unexpected
                ? $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}"
                : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new SentRequest(studentId, key, afterSigterm, outcome, detail);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return new SentRequest(studentId, key, afterSigterm, RequestOutcome.Refused, "connection refused");
        }
        catch (HttpRequestException e)
        {
            return new SentRequest(studentId, key, afterSigterm, RequestOutcome.Unanswered, e.InnerException?.Message ?? e.Message);
        }
    }
}
