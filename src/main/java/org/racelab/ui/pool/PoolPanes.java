package org.racelab.ui.pool;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.racelab.lab.pool.OrderDemo;
import org.racelab.lab.pool.ThreadCost;
import org.racelab.lab.pool.ThreadCostResult;

/** The pool part's smaller tabs: map vs as_completed, thread vs pool, and the slide's Python beside the Java. */
final class PoolPanes {

    // Comments on lines of their own: two listings share a 1024 px projector, and a wrapped comment reads badly.
    static final String PYTHON = """
            from concurrent.futures import (
                ThreadPoolExecutor, as_completed)
            import urllib.request

            def fetch(url):
                # blocks: the GIL is released
                with urllib.request.urlopen(url) as r:
                    return r.read()

            with ThreadPoolExecutor(max_workers=10) as ex:
                # results in input order
                results = list(ex.map(fetch, urls))

            with ThreadPoolExecutor() as ex:
                futures = [ex.submit(fetch, u)
                           for u in urls]
                # futures in completion order
                for f in as_completed(futures):
                    # re-raises a task's exception
                    print(f.result())
            """;

    static final String JAVA = """
            HttpClient client = HttpClient.newHttpClient();
            ExecutorService ex =
                    Executors.newFixedThreadPool(10);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (URI url : urls) {
                    // submit returns a Future at once;
                    // the task blocks in the request
                    futures.add(ex.submit(() -> client.send(
                            HttpRequest.newBuilder(url).build(),
                            BodyHandlers.ofString()).body()));
                }
                List<String> results = new ArrayList<>();
                for (Future<String> f : futures) {
                    // input order, like map; an
                    // ExecutionException carries
                    // a task's exception
                    results.add(f.get());
                }
            } finally {
                // the with block's end
                ex.shutdown();
                ex.awaitTermination(1, TimeUnit.MINUTES);
            }
            // as_completed: an ExecutorCompletionService's
            // take() yields each future as it finishes
            """;

    private PoolPanes() {
    }

    static Node orders(PoolViewModel vm) {
        Button run = new Button("Run 5 tasks (latencies " + OrderDemo.DEFAULT_LATENCIES_MS + " ms, task 2 throws)");
        run.setId("pool-orders-run");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.runOrders());
        VBox mapColumn = column("map: input order");
        VBox completedColumn = column("as_completed: completion order");
        mapColumn.setId("pool-map-order");
        completedColumn.setId("pool-completion-order");
        vm.ordersProperty().addListener((obs, old, r) -> {
            fill(mapColumn, r);
            fillCompleted(completedColumn, r);
        });
        HBox columns = new HBox(mapColumn, completedColumn);
        columns.getStyleClass().add("pool-columns");
        VBox box = new VBox(run, columns);
        box.getStyleClass().add("pool-tab");
        return scroll(box);
    }

    private static VBox column(String title) {
        Label head = new Label(title);
        head.getStyleClass().add("pool-title");
        VBox col = new VBox(head);
        col.getStyleClass().add("pool-column");
        HBox.setHgrow(col, Priority.ALWAYS);
        return col;
    }

    private static void fill(VBox col, OrderDemo.Result r) {
        col.getChildren().remove(1, col.getChildren().size());
        if (r == null) {
            return;
        }
        for (OrderDemo.Outcome o : r.mapOrder()) {
            col.getChildren().add(line(o));
        }
        r.mapRaised().ifPresent(m -> {
            Label raised = new Label("map raised at task " + r.mapOrder().size() + ": " + m);
            raised.getStyleClass().add("pool-error");
            raised.setWrapText(true);
            col.getChildren().add(raised);
        });
    }

    private static void fillCompleted(VBox col, OrderDemo.Result r) {
        col.getChildren().remove(1, col.getChildren().size());
        if (r == null) {
            return;
        }
        for (OrderDemo.Outcome o : r.completionOrder()) {
            col.getChildren().add(line(o));
        }
    }

    private static Label line(OrderDemo.Outcome o) {
        String text = o.value().map(v -> v).orElseGet(() -> "task " + o.task() + ": result() raised "
                + o.error().orElse(""));
        Label l = new Label(text);
        l.setWrapText(true);
        if (o.error().isPresent()) {
            l.getStyleClass().add("pool-error");
        }
        return l;
    }

    static Node threadCost(PoolViewModel vm) {
        Spinner<Integer> n = new Spinner<>(ThreadCost.MIN_THREADS, ThreadCost.MAX_THREADS, vm.costThreadsProperty().get(), 100);
        n.setEditable(true);
        n.setId("pool-cost-threads");
        var threads = vm.costThreadsProperty().asObject();
        n.getValueFactory().valueProperty().bindBidirectional(threads);
        // The bidirectional binding holds the object view weakly: the spinner keeps it alive.
        n.getProperties().put("pool-bound", threads);
        Button run = new Button("Measure");
        run.setId("pool-cost-run");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.measureThreadCost());
        HBox controls = new HBox(new Label("Tasks"), n, run);
        controls.getStyleClass().add("pool-field");
        controls.setAlignment(Pos.CENTER_LEFT);
        GridPane grid = new GridPane();
        grid.getStyleClass().add("pool-cost-grid");
        grid.setId("pool-cost-grid");
        String[] rows = {"new Thread + start + join", "pool submit + get", "stack reserved per thread",
            "memory committed per parked thread"};
        Label[] values = new Label[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Label name = new Label(rows[i]);
            values[i] = new Label("–");
            values[i].getStyleClass().add("pool-figure");
            values[i].setWrapText(true);
            grid.addRow(i, name, values[i]);
        }
        values[0].setId("pool-cost-create");
        vm.threadCostProperty().addListener((obs, old, r) -> {
            for (int i = 0; i < rows.length; i++) {
                values[i].setText(costText(r, i));
            }
        });
        Label note = new Label("The slide says: creating a thread costs about 50–100 µs and each thread has about "
                + "1 MB of stack. Reserved is address space; committed is memory the thread really uses.");
        note.setWrapText(true);
        note.getStyleClass().add("pool-muted");
        VBox box = new VBox(controls, grid, note);
        box.getStyleClass().add("pool-tab");
        return scroll(box);
    }

    static String costText(ThreadCostResult r, int row) {
        if (r == null) {
            return "–";
        }
        return switch (row) {
            case 0 -> String.format(Locale.ROOT, "median %.1f µs, p90 %.1f µs (%,d threads)",
                    r.createStartJoinMicros().median(), r.createStartJoinMicros().p90(), r.createdThreads());
            case 1 -> String.format(Locale.ROOT, "median %.1f µs, p90 %.1f µs (%,d tasks)",
                    r.poolSubmitGetMicros().median(), r.poolSubmitGetMicros().p90(), r.threads());
            case 2 -> String.format(Locale.ROOT, "%,d KiB (-Xss)", r.reservedStackKiB());
            default -> r.committedKiBPerParkedThread().isPresent()
                    ? String.format(Locale.ROOT, "%,d KiB (%,d threads parked)",
                            r.committedKiBPerParkedThread().getAsLong(), r.parkedThreads())
                    : "not measured on this OS";
        };
    }

    static Node code() {
        TextArea python = area(PYTHON);
        python.setId("pool-code-python");
        TextArea java = area(JAVA);
        java.setId("pool-code-java");
        Label pyTitle = new Label("Python (the slides)");
        pyTitle.getStyleClass().add("pool-title");
        Label javaTitle = new Label("Java (what runs here)");
        javaTitle.getStyleClass().add("pool-title");
        VBox left = new VBox(pyTitle, python);
        VBox right = new VBox(javaTitle, java);
        VBox.setVgrow(python, Priority.ALWAYS);
        VBox.setVgrow(java, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(left, right);
        box.getStyleClass().addAll("pool-tab", "pool-code");
        return box;
    }

    private static TextArea area(String text) {
        TextArea a = new TextArea(text);
        a.setEditable(false);
        // Presenting on a narrow screen the two listings share 1024 px: long lines wrap rather than hide their end.
        a.setWrapText(true);
        a.getStyleClass().add("pool-code-area");
        return a;
    }

    private static ScrollPane scroll(Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        s.getStyleClass().add("pool-scroll");
        return s;
    }

}
