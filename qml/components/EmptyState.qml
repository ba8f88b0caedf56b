import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a list shows when it has nothing yet: a headline and one line of guidance.
ColumnLayout {
    id: empty

    property string headline
    property string hint

    spacing: 8

    Label {
        text: empty.headline
        font.pixelSize: 20
        font.weight: Font.Medium
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    Label {
        text: empty.hint
        opacity: 0.7
        font.pixelSize: 16
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
}
