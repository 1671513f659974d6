package dev.envoi.compose;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;

/** Timers on the FX thread (pulses), so what they run may touch the window directly. */
public final class FxScheduler implements Scheduler {

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
        pause.setOnFinished(e -> task.run());
        pause.play();
        return pause::stop;
    }

    @Override
    public Cancellable repeat(Duration period, Runnable task) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> task.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }

    /** The pulse after this one lays out and draws the change; the task runs at the one after that. */
    @Override
    public void afterNextFrame(Runnable task) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    task.run();
                }
            }
        }.start();
    }
}
