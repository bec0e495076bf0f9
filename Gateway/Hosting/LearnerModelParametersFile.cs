using MasteryEngine.Grains.Domain.Learning;

namespace MasteryEngine.Gateway.Hosting;

using LearnerModel = Grains.Domain.Learning.LearnerModel;

/// <summary>
/// The calibrated parameters named by <c>LEARNER_MODEL_PARAMETERS</c> (what <c>calibrate</c> wrote), read and
/// validated once at start-up. Without the setting the model runs on its defaults; a file that cannot be used
/// stops the start with one line that says why.
/// </summary>
public static class LearnerModelParametersFile
{
    public const string Variable = "LEARNER_MODEL_PARAMETERS";

    /// <returns>The model, or the reason the file cannot be used.</returns>
    public static async Task<(LearnerModel? Model, string? Problem)> LoadAsync(string? path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return (new LearnerModel(LearnerModelParameters.Default), null);
        }

        try
        {
            await using var file = File.OpenRead(path);
            return (new LearnerModel(await LearnerModelParameters.LoadAsync(file, cancellationToken)), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return (null, $"{Variable}={path}: {exception.Message}");
        }
    }

    /// <summary>Registers the loaded model for the co-hosted silo; false (with the reason on stderr) when the file is unusable.</summary>
    public static async Task<bool> TryAddLearnerModelAsync(this WebApplicationBuilder builder)
    {
        var (model, problem) = await LoadAsync(builder.Configuration[Variable], CancellationToken.None);
        if (model is null)
        {
            await Console.Error.WriteLineAsync(problem);
            return false;
        }

        builder.Services.AddSingleton(model);
        return true;
    }
}
