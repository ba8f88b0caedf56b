import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A Material button drawn flat: the stock background hides behind an elevation shader that the
// software renderer (offscreen screenshots, some tablets) cannot draw, leaving the button invisible.
Button {
    id: control

    implicitHeight: 56
    font.pixelSize: 16
    contentItem: Label {
        text: control.text
        font: control.font
        color: !control.enabled ? "#9e9e9e" : control.highlighted ? "white" : control.Material.primary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        implicitWidth: 64
        implicitHeight: 48
        radius: 4
        color: !control.enabled ? "#e0e0e0"
             : control.highlighted ? (control.down ? "#163a5c" : control.Material.primary)
             : control.flat ? (control.down ? "#e3eaf2" : "transparent")
             : (control.down || control.checked ? "#d6e2ef" : "#e8eef5")
        border.color: control.checked && !control.highlighted ? control.Material.primary : "transparent"
        border.width: 2
    }
}
