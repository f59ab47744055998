package org.autogradstudio.ui;

import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * A manual check (not a test): the studio (with the {@link FakeKernel} under {@code -Ddemo.fake=true}),
 * which runs the first {@code -Ddemo.cells} code cells of the open lesson and stops the animation at {@code -Ddemo.position=N} (from the end
 * when negative), and selects the tensor {@code -Ddemo.select=NAME} (its chain rule in the derivation tab);
 * {@code -Ddemo.tab=tab-charts} brings a side tab forward and {@code -Ddemo.whatif=w=1.5} moves a what-if slider.
 * With {@code -Ddemo.exportMenu=true} File > Export is opened. For screenshots under Xvfb.
 */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        if (Boolean.getBoolean("demo.fake")) {
            StudioApp.setKernelFactory(FakeKernel::new);
        }
        Thread watcher = new Thread(() -> {
            try {
                while (StudioApp.current() == null || !StudioApp.current().readyProperty().get()) {
                    Thread.sleep(50);
                }
                Platform.runLater(() -> {
                    StudioApp app = StudioApp.current();
                    app.model().presenter().setActive(Boolean.getBoolean("demo.presenter"));
                    String theme = System.getProperty("demo.theme");
                    if (theme != null) {
                        app.model().themeProperty().set(StudioTheme.valueOf(theme));
                    }
                    var cells = app.model().getNotebook().codeCells();
                    app.model().runner().runAll(cells.subList(0, Math.min(cells.size(), Integer.getInteger("demo.cells", 4))));
                    PauseTransition later = new PauseTransition(Duration.seconds(1.5));
                    later.setOnFinished(e -> {
                        // a slow machine: wait until the cells have run
                        if (app.model().runner().isRunning() || app.model().runner().queued() > 0) {
                            later.playFromStart();
                            return;
                        }
                        var anim = app.model().animation();
                        int p = Integer.getInteger("demo.position", -1);
                        Integer back = Integer.getInteger("demo.backwardStep");
                        anim.moveTo(back != null ? anim.backwardStart() + back : p < 0 ? anim.lengthProperty().get() + p : p);
                        String select = System.getProperty("demo.select");
                        var graph = app.model().runner().graphProperty().get();
                        if (select != null && graph.named(select) != null) {
                            app.model().selection().select(graph.named(select));
                        }
                        if (Boolean.getBoolean("demo.exportMenu")) {
                            showExportMenu(app);
                        }
                        String tab = System.getProperty("demo.tab");
                        if (tab != null) {
                            app.window().sideTabs().getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst()
                                    .ifPresent(t -> app.window().sideTabs().getSelectionModel().select(t));
                        }
                        String whatIf = System.getProperty("demo.whatif");
                        if (whatIf != null && whatIf.contains("=")) {
                            String[] kv = whatIf.split("=", 2);
                            var node = app.window().getScene().lookup("#whatif-" + kv[0]);
                            if (node instanceof javafx.scene.control.Slider slider) {
                                slider.setValue(Double.parseDouble(kv[1]));
                            }
                        }
                    });
                    later.play();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        StudioLauncher.launch(args);
    }

    private static void showExportMenu(StudioApp app) {
        var bar = (javafx.scene.control.MenuBar) app.stage().getScene().lookup("#menu-bar");
        var file = bar.getMenus().get(0);
        file.show();
        PauseTransition open = new PauseTransition(Duration.seconds(0.5));
        open.setOnFinished(e -> file.getItems().stream().filter(i -> "menu-export".equals(i.getId())).findFirst()
                .ifPresent(i -> ((javafx.scene.control.Menu) i).show()));
        open.play();
    }
}
