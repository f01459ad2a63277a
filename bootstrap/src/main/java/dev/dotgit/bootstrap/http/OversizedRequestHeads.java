package dev.dotgit.bootstrap.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

/**
 * Lets a request whose head is too long for Netty (a request line over
 * {@code micronaut.server.netty.max-initial-line-length}, headers over
 * {@code micronaut.server.netty.max-header-size}) be answered like any other refusal: 414 or 431
 * in the version's envelope, with the request id and hardening headers (CONTRACT §2.7).
 *
 * <p>Why here: Netty's decoder stops at the limit and hands Micronaut a request marked as failed;
 * Micronaut answers that one itself, before any filter, with its own 413 body (hypermedia links,
 * no request id). So right behind the decoder, this handler swaps the failed request for a
 * harmless stand-in: the same method and path when the line was read (headers too large), the
 * root path when it was not (the line itself too long: its path is lost), no body, only the
 * client's {@code X-Request-Id} (checked again by {@code CommonHeadersFilter}) and a marker
 * saying what was too long. {@link OversizedRequestHeadFilter} refuses the stand-in before
 * anything reads it. The connection is closed after the answer, as Netty's decoder, having
 * lost its place in the stream, ignores whatever else arrives on it.
 *
 * <p>The marker is removed from every request a client sends, so no client can set it.
 */
@Singleton
final class OversizedRequestHeads implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** Which part of the head was too long: {@link #LINE} or {@link #HEADERS}. */
    static final String MARKER = "X-Dotgit-Oversized-Head";
    static final String LINE = "line";
    static final String HEADERS = "headers";
    private static final String HANDLER_NAME = "dotgit-oversized-request-heads";
    private static final StandInForOversizedHeads STAND_IN = new StandInForOversizedHeads();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new OnEveryConnection(null));
        return registry;
    }

    /** Puts the handler right behind the HTTP/1 decoder of each connection. */
    private record OnEveryConnection(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new OnEveryConnection(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            var pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(HANDLER_NAME) == null) {
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME, STAND_IN);
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class StandInForOversizedHeads extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request)) {
                context.fireChannelRead(message);
                return;
            }
            request.headers().remove(MARKER);
            Throwable cause = request.decoderResult().cause();
            boolean lineTooLong = cause instanceof TooLongHttpLineException;
            if (!lineTooLong && !(cause instanceof TooLongHttpHeaderException)) {
                context.fireChannelRead(message);
                return;
            }
            DefaultFullHttpRequest standIn = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                    request.method(), lineTooLong ? "/" : request.uri(), Unpooled.EMPTY_BUFFER);
            String requestId = request.headers().get(CommonHeadersFilter.REQUEST_ID);
            if (requestId != null) {
                standIn.headers().set(CommonHeadersFilter.REQUEST_ID, requestId);
            }
            standIn.headers().set(MARKER, lineTooLong ? LINE : HEADERS);
            standIn.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            standIn.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ReferenceCountUtil.release(message);
            context.fireChannelRead(standIn);
        }
    }
}
