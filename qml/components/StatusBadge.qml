import QtQuick
import QtQuick.Controls

// A small coloured label: record status (draft / final) and sync state (pending / sent / conflict /
// rejected).
Rectangle {
    id: badge

    property string kind
    property var styles: ({
            "draft": { text: qsTr("draft"), color: "#e3f2fd", fg: "#0d47a1" },
            "final": { text: qsTr("final"), color: "#e8f5e9", fg: "#1b5e20" },
            "amendment": { text: qsTr("amendment"), color: "#f3e5f5", fg: "#4a148c" },
            "pending": { text: qsTr("waiting to send"), color: "#fff8e1", fg: "#8d6e00" },
            "sent": { text: qsTr("sent"), color: "#e8f5e9", fg: "#1b5e20" },
            "conflict": { text: qsTr("conflict"), color: "#ffebee", fg: "#b71c1c" },
            "rejected": { text: qsTr("rejected"), color: "#ffebee", fg: "#b71c1c" }
        })
    readonly property var style: styles[kind] || { text: kind, color: "#eceff1", fg: "#37474f" }

    visible: kind.length > 0
    implicitWidth: label.implicitWidth + 16
    implicitHeight: 26
    radius: 13
    color: style.color

    Label {
        id: label
        anchors.centerIn: parent
        text: badge.style.text
        color: badge.style.fg
        font.pixelSize: 13
    }
}
