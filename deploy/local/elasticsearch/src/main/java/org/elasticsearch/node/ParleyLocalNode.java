/*
 * Parley local Elasticsearch node.
 *
 * Starts one real Elasticsearch node (server + Netty HTTP/transport) straight from the classpath,
 * without the distribution's CLI, bootstrap checks, security manager or entitlements. It is meant
 * for local development and tests on loopback only: no TLS, no authentication.
 *
 * The class lives in org.elasticsearch.node because the hooks it needs are package-private there:
 * the Node(NodeConstruction) constructor, NodeConstruction.prepareConstruction(...) and
 * NodeServiceProvider.newPluginService(...). On the classpath every jar shares the unnamed module,
 * so a class of the same package in another jar may use them.
 */
package org.elasticsearch.node;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.BoundTransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.BindHttpException;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.BindTransportException;
import org.elasticsearch.transport.TransportService;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

public final class ParleyLocalNode {

    /** Printed on stdout once the node accepts HTTP requests; callers wait for this marker. */
    public static final String STARTED_MARKER = "PARLEY_ES_STARTED";
    /** Printed on stderr when the node cannot start (the process then exits with status 1). */
    public static final String FAILED_MARKER = "PARLEY_ES_FAILED";

    private ParleyLocalNode() {}

    /**
     * The node. A nested class rather than the main class itself, so that Node's static
     * initialisation (settings, loggers) runs only after main() has set the system properties.
     */
    static final class LocalNode extends Node {

        /**
         * Plugins loaded from the classpath: HTTP/transport, and the root endpoint (GET /). The other
         * modules of the distribution are not published, so the node has none of them (see README.md).
         */
        private static final List<Class<? extends Plugin>> CLASSPATH_PLUGINS = List.of(Netty4Plugin.class, ParleyRootPlugin.class);

        LocalNode(Environment environment) {
            super(NodeConstruction.prepareConstruction(environment, null, new ClasspathPluginsProvider(), true));
        }

        /** Uses the standard service implementations, except that plugins come from the classpath. */
        private static final class ClasspathPluginsProvider extends NodeServiceProvider {
            @Override
            PluginsService newPluginService(Environment environment, PluginsLoader pluginsLoader) {
                // pluginsLoader is null: there is no plugins/ or modules/ directory to scan.
                return new MockPluginsService(environment.settings(), environment, CLASSPATH_PLUGINS);
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    private record Options(Path home, int httpPort, int transportPort, String clusterName, String nodeName) {}

    private static final String USAGE = """
        usage: java -Xms512m -Xmx1g -cp "LIB/*" org.elasticsearch.node.ParleyLocalNode \\
                 --home DIR [--http-port 9200] [--transport-port 9300] \\
                 [--cluster-name parley-local] [--node-name parley-local-node]""";

    public static void main(String[] args) {
        // Must run before any Netty, log4j or Elasticsearch class is initialised: these are read in
        // static initialisers. They are the values the Elasticsearch distribution passes on its
        // java command line.
        setDefaultSystemProperties();

        // Keep the real streams: LogConfigurator redirects System.out/err into log4j.
        final PrintStream out = System.out;
        final PrintStream err = System.err;

        final Options options;
        try {
            options = parseArgs(args);
        } catch (IllegalArgumentException e) {
            err.println(FAILED_MARKER + ": " + e.getMessage());
            err.println(USAGE);
            System.exit(2);
            return;
        }

        final CountDownLatch stopRequested = new CountDownLatch(1);
        // SIGTERM/SIGINT: stop the node from the main thread and exit with status 0. Replacing the
        // JVM's default handlers matters because those would exit with 143/130.
        installStopSignal("TERM", stopRequested);
        installStopSignal("INT", stopRequested);

        LocalNode node = null;
        try {
            final Environment environment = prepare(options);
            out.println("Parley local Elasticsearch: home=" + options.home() + " cluster=" + options.clusterName());
            out.flush();

            node = new LocalNode(environment);
            final LocalNode started = node;
            // Any other way the JVM goes down (System.exit elsewhere, SIGHUP): still close the node so
            // Lucene and the cluster state are flushed and the data directory lock is released.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started, err), "parley-es-shutdown"));

            node.start();

            final BoundTransportAddress http = node.injector().getInstance(HttpServerTransport.class).boundAddress();
            final BoundTransportAddress transport = node.injector().getInstance(TransportService.class).boundAddress();
            out.println(
                STARTED_MARKER
                    + " http=" + http.publishAddress()
                    + " transport=" + transport.publishAddress()
                    + " pid=" + ProcessHandle.current().pid()
            );
            out.flush();
        } catch (Throwable t) {
            reportStartupFailure(t, options, err);
            if (node != null) {
                closeQuietly(node, err);
            }
            err.flush();
            System.exit(1);
            return;
        }

        awaitUninterruptibly(stopRequested);
        out.println("Parley local Elasticsearch: stopping");
        out.flush();
        final boolean clean = closeQuietly(node, err);
        out.println("Parley local Elasticsearch: stopped");
        out.flush();
        System.exit(clean ? 0 : 1);
    }

    // ------------------------------------------------------------------------------------------

    private static void setDefaultSystemProperties() {
        // Netty: the settings the Elasticsearch distribution runs with.
        setIfAbsent("io.netty.noUnsafe", "true");
        setIfAbsent("io.netty.noKeySetOptimization", "true");
        setIfAbsent("io.netty.recycler.maxCapacityPerThread", "0");
        // log4j: the node closes logging itself; no JMX; no message lookups.
        setIfAbsent("log4j.shutdownHookEnabled", "false");
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("log4j2.formatMsgNoLookups", "true");
        // java.locale.providers is deliberately left at the JDK default (CLDR): that is what an
        // 8.19 node on its bundled JDK (23 or later) uses, so date formats and week dates behave
        // as in the Docker image.
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static Options parseArgs(String[] args) {
        Path home = null;
        int httpPort = 9200;
        int transportPort = 9300;
        String clusterName = "parley-local";
        String nodeName = "parley-local-node";
        for (int i = 0; i < args.length; i++) {
            final String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + arg);
            }
            final String value = args[++i];
            switch (arg) {
                case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
                case "--http-port" -> httpPort = parsePort(arg, value);
                case "--transport-port" -> transportPort = parsePort(arg, value);
                case "--cluster-name" -> clusterName = value;
                case "--node-name" -> nodeName = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home is required");
        }
        return new Options(home, httpPort, transportPort, clusterName, nodeName);
    }

    private static int parsePort(String option, String value) {
        try {
            final int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port for " + option + ": " + value);
        }
    }

    /** Creates home/{config,data,logs}, writes the logging config, configures logging, returns the environment. */
    private static Environment prepare(Options options) throws IOException {
        final Path home = options.home();
        final Path config = Files.createDirectories(home.resolve("config"));
        final Path data = Files.createDirectories(home.resolve("data"));
        final Path logs = Files.createDirectories(home.resolve("logs"));
        // Generated on every start so it always matches this launcher.
        Files.writeString(config.resolve("log4j2.properties"), LOG4J2_PROPERTIES, StandardCharsets.UTF_8);

        final Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("cluster.name", options.clusterName())
            .put("node.name", options.nodeName())
            .put("network.host", "127.0.0.1")
            .put("http.port", options.httpPort())
            .put("transport.port", options.transportPort())
            .put("discovery.type", "single-node")
            // Tests delete indices by wildcard.
            .put("action.destructive_requires_name", false)
            // A nearly full developer disk must not turn indices read-only or leave shards unassigned.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        final Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings,
            Map.of(),
            config,
            options::nodeName
        );

        // What the distribution's bootstrap does before anything logs.
        LogConfigurator.registerErrorListener();
        LogConfigurator.setClusterName(options.clusterName());
        LogConfigurator.setNodeName(options.nodeName());
        LogConfigurator.configure(environment, true);
        return environment;
    }

    private static void installStopSignal(String name, CountDownLatch stopRequested) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
        } catch (IllegalArgumentException e) {
            // Signal not available on this platform (or reserved by the JVM): keep the default behaviour.
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static final AtomicBoolean CLOSED = new AtomicBoolean();

    /** Closes the node once; returns false if closing failed or timed out. */
    private static boolean closeQuietly(Node node, PrintStream err) {
        if (CLOSED.compareAndSet(false, true) == false) {
            return true;
        }
        try {
            node.prepareForClose();
            node.close();
            if (node.awaitClose(20, TimeUnit.SECONDS) == false) {
                err.println("Parley local Elasticsearch: node did not stop within 20 seconds");
                return false;
            }
            return true;
        } catch (Exception e) {
            err.println("Parley local Elasticsearch: error while stopping the node: " + e);
            e.printStackTrace(err);
            return false;
        } finally {
            err.flush();
        }
    }

    private static void reportStartupFailure(Throwable t, Options options, PrintStream err) {
        String reason = null;
        for (Throwable c = t; c != null && reason == null; c = c.getCause()) {
            if (c instanceof BindHttpException) {
                reason = portInUse("HTTP", options.httpPort(), c);
            } else if (c instanceof BindTransportException) {
                reason = portInUse("transport", options.transportPort(), c);
            } else if (String.valueOf(c.getMessage()).contains("failed to obtain node lock")) {
                reason = "the data directory " + options.home().resolve("data")
                    + " is in use by another running node (" + c.getMessage() + ")";
            }
        }
        if (reason == null) {
            reason = t.getClass().getName() + ": " + t.getMessage();
        }
        t.printStackTrace(err);
        err.println(FAILED_MARKER + ": " + reason);
    }

    private static String portInUse(String what, int port, Throwable bindFailure) {
        String detail = bindFailure.getMessage();
        for (Throwable c = bindFailure; c != null; c = c.getCause()) {
            if (c instanceof BindException) {
                detail = c.getMessage();
            }
        }
        return "cannot bind the " + what + " port 127.0.0.1:" + port + " (" + detail
            + "); is another Elasticsearch or another process listening there?";
    }

    /**
     * Logging: console (stdout of this process) plus a rolling file under path.logs. Deprecation
     * warnings also go to the HTTP "Warning" response header, as on a regular node.
     */
    private static final String LOG4J2_PROPERTIES = """
        # Generated by org.elasticsearch.node.ParleyLocalNode on every start; edits are overwritten.
        status = error

        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n

        appender.rolling.type = RollingFile
        appender.rolling.name = rolling
        appender.rolling.fileName = ${sys:es.logs.base_path}${sys:file.separator}${sys:es.logs.cluster_name}.log
        appender.rolling.filePattern = ${sys:es.logs.base_path}${sys:file.separator}${sys:es.logs.cluster_name}-%i.log
        appender.rolling.layout.type = PatternLayout
        appender.rolling.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
        appender.rolling.policies.type = Policies
        appender.rolling.policies.size.type = SizeBasedTriggeringPolicy
        appender.rolling.policies.size.size = 64MB
        appender.rolling.strategy.type = DefaultRolloverStrategy
        appender.rolling.strategy.max = 3

        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        rootLogger.appenderRef.rolling.ref = rolling

        appender.header_warning.type = HeaderWarningAppender
        appender.header_warning.name = header_warning

        logger.deprecation.name = org.elasticsearch.deprecation
        logger.deprecation.level = warn
        logger.deprecation.appenderRef.header_warning.ref = header_warning
        logger.deprecation.appenderRef.rolling.ref = rolling
        logger.deprecation.additivity = false
        """;
}
