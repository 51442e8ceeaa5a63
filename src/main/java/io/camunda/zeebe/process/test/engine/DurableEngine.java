package io.camunda.zeebe.process.test.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CompleteJobRequest;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.value.usertask.UserTaskRecord;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jiefen.engine.state.MemoryDb;

/**
 * A Zeebe engine with ZPT's wiring (one partition, in-memory state, gRPC gateway) whose log is
 * durable ({@link DurableLogStorage}), whose gateway binds to one address only, and whose state is
 * our {@link MemoryDb}.
 *
 * <p>Start replays the log file, so everything the engine knew before a restart is back. The clock
 * offset is not in the log: the caller persists it and hands it back in {@link Settings}.
 */
public final class DurableEngine implements ZeebeTestEngine {

  /** How the engine is set up. */
  public record Settings(
      Path logFile,
      InetSocketAddress bindAddress,
      EngineLogFsync fsync,
      Duration fsyncInterval,
      Duration clockOffset) {}

  /** What the log replay found at start. */
  public record Replay(long blocks, long bytes, long truncatedBytes, Duration readTime) {}

  private static final int PARTITION_ID = 1;
  private static final int PARTITION_COUNT = 1;

  private final InetSocketAddress address;
  private final ControlledActorClock clock;
  private final ActorScheduler scheduler;
  private final DurableLogStorage logStorage;
  private final LogStream logStream;
  private final CommandWriter commandWriter;
  private final GatewayRequestStore requestStore;
  private final Server grpcServer;
  private final ZeebeDb<ZbColumnFamilies> database;
  private final StreamProcessor streamProcessor;
  private final EngineStateMonitor stateMonitor;
  private final RecordStreamSource recordStream;

  private DurableEngine(Settings settings) {
    clock = new ControlledActorClock();
    clock.addTime(settings.clockOffset());
    scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
    scheduler.start();

    logStorage =
        new DurableLogStorage(settings.logFile(), settings.fsync(), settings.fsyncInterval());
    logStream =
        LogStream.builder()
            .withPartitionId(PARTITION_ID)
            .withLogStorage(logStorage)
            .withClock(clock)
            .withMeterRegistry(new SimpleMeterRegistry())
            .build();

    commandWriter = new CommandWriter(logStream.newLogStreamWriter());
    CommandSender commandSender = new CommandSender(commandWriter);
    requestStore = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(
            commandWriter,
            PARTITION_ID,
            PARTITION_COUNT,
            settings.bindAddress().getPort(),
            requestStore,
            jobStreamer);
    grpcServer = NettyServerBuilder.forAddress(settings.bindAddress()).addService(gateway).build();
    GrpcResponseWriter responseWriter = new GrpcResponseWriter(gateway, requestStore, null);

    // Not ZPT's InMemoryDbFactory: its iterators copy the whole state for every prefix scan, so
    // every command cost O(open instances), and its TreeMap was read from other actor threads.
    database = MemoryDb.create();
    streamProcessor =
        createStreamProcessor(logStream, database, scheduler, responseWriter, commandSender, jobStreamer);
    stateMonitor = new EngineStateMonitor(logStorage, streamProcessor);
    recordStream = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID);

    try {
      grpcServer.start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("engine gateway cannot bind " + settings.bindAddress(), e);
    }
    address = new InetSocketAddress(settings.bindAddress().getAddress(), grpcServer.getPort());
  }

  /** Builds the engine, replays its log and opens its gateway. */
  public static DurableEngine start(Settings settings) {
    DurableEngine engine = new DurableEngine(settings);
    engine.streamProcessor.openAsync(false).join();
    return engine;
  }

  private StreamProcessor createStreamProcessor(
      LogStream logStream,
      ZeebeDb<ZbColumnFamilies> database,
      ActorScheduler scheduler,
      GrpcResponseWriter responseWriter,
      CommandSender commandSender,
      InMemoryJobStreamer jobStreamer) {
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    return StreamProcessor.builder()
        .logStream(logStream)
        .zeebeDb(database)
        .commandResponseWriter(responseWriter)
        .partitionCommandSender(commandSender)
        .recordProcessors(
            List.of(
                new Engine(
                    context ->
                        EngineProcessors.createEngineProcessors(
                            context,
                            PARTITION_COUNT,
                            new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                            commandSender,
                            FeatureFlags.createDefault(),
                            jobStreamer,
                            SearchClientsProxy.noop(),
                            new BrokerRequestAuthorizationConverter(security)),
                    new EngineConfiguration(),
                    security)))
        .actorSchedulingService(scheduler)
        .clock(new ControllableStreamClockImpl(clock))
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  public InetSocketAddress address() {
    return address;
  }

  public Replay replay() {
    DurableLogStorage.ReplayStats stats = logStorage.replayStats();
    return new Replay(stats.blocks(), stats.bytes(), stats.truncatedBytes(), stats.readTime());
  }

  /** The engine's current time (system time plus the offset moved by {@link #increaseTime}). */
  public java.time.Instant now() {
    clock.update();
    return clock.getCurrentTime();
  }

  /**
   * Writes a user task command (complete, assign, claim) straight to the engine's log, as the
   * REST API of a cluster would, and completes when the engine has processed it. A rejection
   * fails the future with a {@link UserTaskCommandRejected}.
   */
  public CompletableFuture<Void> userTaskCommand(
      long userTaskKey, UserTaskIntent intent, UserTaskRecord record) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    StreamObserver<Object> observer =
        new StreamObserver<>() {
          @Override
          public void onNext(Object value) {}

          @Override
          public void onError(Throwable t) {
            if (t instanceof StatusRuntimeException e) {
              result.completeExceptionally(
                  new UserTaskCommandRejected(
                      e.getStatus().getCode().name(), e.getStatus().getDescription()));
            } else {
              result.completeExceptionally(
                  new UserTaskCommandRejected("UNKNOWN", String.valueOf(t.getMessage())));
            }
          }

          @Override
          public void onCompleted() {
            result.complete(null);
          }
        };
    // The response mapper knows gateway request types only; a job completion maps to an empty reply.
    long requestId = requestStore.registerNewRequest(CompleteJobRequest.class, observer);
    record.setUserTaskKey(userTaskKey);
    RecordMetadata metadata =
        new RecordMetadata()
            .recordType(RecordType.COMMAND)
            .requestStreamId(PARTITION_ID)
            .requestId(requestId)
            .valueType(ValueType.USER_TASK)
            .intent(intent);
    commandWriter.writeCommandWithKey(userTaskKey, record, metadata);
    return result;
  }

  /** A user task command the engine refused, with the gRPC status code name and its reason. */
  public static final class UserTaskCommandRejected extends RuntimeException {
    private final String code;

    UserTaskCommandRejected(String code, String reason) {
      super(code + ": " + reason);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  @Override
  public void start() {
    // Started by start(Settings); kept for the ZeebeTestEngine contract.
  }

  @Override
  public void stop() {
    close();
  }

  private void close() {
    try {
      grpcServer.shutdownNow();
      grpcServer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      streamProcessor.closeAsync().join();
    } catch (RuntimeException e) {
      // already closed or failed; the log is what matters
    }
    try {
      database.close();
    } catch (Exception e) {
      // in-memory database, nothing to keep
    }
    logStream.close();
    logStorage.close();
    try {
      scheduler.stop().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the scheduler threads are daemons
    }
  }

  @Override
  public RecordStreamSource getRecordStreamSource() {
    return recordStream;
  }

  @Override
  public ZeebeClient createClient() {
    return ZeebeClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .preferRestOverGrpc(false)
        .gatewayAddress(getGatewayAddress())
        .usePlaintext()
        .build();
  }

  @Override
  public ZeebeClient createClient(ObjectMapper objectMapper) {
    return createClient();
  }

  @Override
  public String getGatewayAddress() {
    return address.getHostString() + ":" + address.getPort();
  }

  @Override
  public void increaseTime(Duration timeToAdd) {
    clock.addTime(timeToAdd);
  }

  @Override
  public void waitForIdleState(Duration timeout) throws InterruptedException, TimeoutException {
    CompletableFuture<Void> idle = new CompletableFuture<>();
    stateMonitor.addOnIdleCallback(() -> idle.complete(null));
    try {
      idle.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void waitForBusyState(Duration timeout) throws InterruptedException, TimeoutException {
    CompletableFuture<Void> busy = new CompletableFuture<>();
    stateMonitor.addOnProcessingCallback(() -> busy.complete(null));
    try {
      busy.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
