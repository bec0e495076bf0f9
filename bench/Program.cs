Console.WriteLine("usage: dotnet run -c Release --project bench -- <scenario>");
