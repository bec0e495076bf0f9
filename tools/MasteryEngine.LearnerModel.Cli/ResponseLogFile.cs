using MasteryEngine.Grains.Domain.Learning.Calibration;

namespace MasteryEngine.LearnerModel.Cli;

/// <summary>Opens a response log file for <see cref="ResponseLogReader"/>.</summary>
public static class ResponseLogFile
{
    public static async Task<ResponseLog> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await ResponseLogReader.ReadAsync(reader, cancellationToken);
    }
}
