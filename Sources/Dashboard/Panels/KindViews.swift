/// The API gateway: its access log is what a class watches (status codes, rejections),
/// so the log tail outranks the histories and the node table.
struct GatewayPanelView: PanelView {
    let sections: [PanelSection] = [
        PanelSection(.strategies, priority: 2),
        PanelSection(.traffic, priority: 0),
        PanelSection(.latency, priority: 1),
        PanelSection(.metrics, priority: 3),
        PanelSection(.log, priority: 4),
        PanelSection(.load, priority: 6),
        PanelSection(.history, priority: 5),
        PanelSection(.nodes, priority: 7),
    ]
}

/// The clients are the workload, not a server: the offered load and its history matter,
/// and there is no queue or node to show.
struct ClientsPanelView: PanelView {
    let sections: [PanelSection] = [
        PanelSection(.metrics, priority: 0),
        PanelSection(.traffic, priority: 1),
        PanelSection(.latency, priority: 2),
        PanelSection(.history, priority: 3),
    ]
}
