package dev.dotgit.application.testing;

import dev.dotgit.application.port.out.webhook.OutgoingWebhook;
import dev.dotgit.application.port.out.webhook.SendOutcome;
import dev.dotgit.application.port.out.webhook.SendWebhookPort;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every attempt and answers with the outcomes a test queued (200 once the queue is empty). */
public final class ScriptedWebhookSender implements SendWebhookPort {

    private final List<OutgoingWebhook> sent = new CopyOnWriteArrayList<>();
    private final Deque<SendOutcome> answers = new ArrayDeque<>();

    public static SendOutcome status(int status) {
        return new SendOutcome(status, status >= 200 && status < 300 ? null : "HTTP " + status, 5, Optional.empty());
    }

    public synchronized ScriptedWebhookSender thenAnswer(SendOutcome... outcomes) {
        answers.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public synchronized SendOutcome send(OutgoingWebhook webhook) {
        sent.add(webhook);
        return answers.isEmpty() ? status(200) : answers.poll();
    }

    public List<OutgoingWebhook> sent() {
        return List.copyOf(sent);
    }
}
