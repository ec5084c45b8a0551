package dev.newsdesk.cli;

import dev.newsdesk.classify.ModelException;
import dev.newsdesk.classify.TextRejectedException;
import dev.newsdesk.ingest.InputException;
import dev.newsdesk.training.TrainingException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsdesk} command: one subcommand per verb. Exit 0 ok, 1 failure, 2 bad usage or bad input. */
@Command(
        name = "newsdesk",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Classifies news articles and ranks them into Trending lists.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            ClassifyCommand.class,
            CorpusCommand.class,
            ServeCommand.class,
            BenchClassifyCommand.class,
            BenchIngestCommand.class,
            BenchTrendingCommand.class,
            BenchHttpCommand.class
        })
public final class Main {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line with the given writers (tests capture them); returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("newsdesk: " + ex.getMessage() + " (see 'newsdesk " + commandName(ex.getCommandLine())
                    + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("newsdesk: " + oneLine(ex));
            return isUsersInput(ex) ? USAGE : FAILURE;
        });
        return cl.execute(args);
    }

    static boolean isUsersInput(Throwable ex) {
        return ex instanceof InputException
                || ex instanceof TrainingException
                || ex instanceof ModelException
                || ex instanceof TextRejectedException
                || ex instanceof IllegalArgumentException;
    }

    static String oneLine(Throwable ex) {
        String m = ex instanceof UncheckedIOException && ex.getCause() != null
                ? ex.getCause().getMessage()
                : ex.getMessage();
        if (m == null || m.isBlank()) {
            m = ex.getClass().getSimpleName();
        }
        return m.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String commandName(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName().replaceFirst("^newsdesk ?", "");
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"newsdesk " + (v == null ? "dev" : v)};
        }
    }
}
