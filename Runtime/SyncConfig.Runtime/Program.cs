Console.WriteLine("syncconfig: no runtime yet");
return 0;
