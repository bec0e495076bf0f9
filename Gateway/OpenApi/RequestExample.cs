namespace MasteryEngine.Gateway.OpenApi;

/// <summary>Endpoint metadata: a request body that works as sent, shown in the document and Swagger UI.</summary>
public sealed record RequestExample(string Json);
