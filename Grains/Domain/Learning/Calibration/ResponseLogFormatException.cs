namespace MasteryEngine.Grains.Domain.Learning.Calibration;

/// <summary>A response log that cannot be read, with the line and the reason.</summary>
public sealed class ResponseLogFormatException(string message) : Exception(message);
