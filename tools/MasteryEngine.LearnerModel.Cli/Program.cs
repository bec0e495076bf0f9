using MasteryEngine.LearnerModel.Cli;

return await LearnerModelCommands.RunAsync(args);
