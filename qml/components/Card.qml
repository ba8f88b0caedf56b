import QtQuick
import QtQuick.Controls

// A flat card: drawn without shader effects so it looks the same on the tablet's GPU and in the
// software renderer used for offscreen screenshots.
Pane {
    padding: 20
    background: Rectangle {
        color: "white"
        radius: 8
        border.color: "#d9e0e8"
    }
}
